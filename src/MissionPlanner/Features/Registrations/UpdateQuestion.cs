using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateQuestionCommand(string Prompt, QuestionKind Kind, IReadOnlyList<string>? Options, bool Required, int Version)
    : IRequest<Unit>, IMissionRequest, IQuestionFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid QuestionId { get; init; }
}

public sealed class UpdateQuestionValidator : AbstractValidator<UpdateQuestionCommand>
{
    public UpdateQuestionValidator() => Include(new QuestionFieldsValidator());
}

public sealed class UpdateQuestionHandler(AppDbContext db) : IRequestHandler<UpdateQuestionCommand, Unit>
{
    public async Task<Unit> Handle(UpdateQuestionCommand request, CancellationToken cancellationToken)
    {
        var question = await QuestionLookup.FindAsync(db, request.MissionId, request.QuestionId, cancellationToken);
        db.ExpectVersion(question, request.Version);
        question.Update(request.Prompt, request.Kind, request.Options ?? [], request.Required);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
