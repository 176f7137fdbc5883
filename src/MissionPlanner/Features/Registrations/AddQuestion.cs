using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>Adds a question at the end of the form. Answers given before it existed simply lack it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddQuestionCommand(string Prompt, QuestionKind Kind, IReadOnlyList<string>? Options, bool Required)
    : IRequest<Guid>, IMissionRequest, IQuestionFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddQuestionValidator : AbstractValidator<AddQuestionCommand>
{
    public const int MaxQuestions = 50;

    public AddQuestionValidator() => Include(new QuestionFieldsValidator());
}

public sealed class AddQuestionHandler(AppDbContext db) : IRequestHandler<AddQuestionCommand, Guid>
{
    public async Task<Guid> Handle(AddQuestionCommand request, CancellationToken cancellationToken)
    {
        var positions = await db.RegistrationQuestions.Where(q => q.MissionId == request.MissionId).Select(q => q.Position).ToListAsync(cancellationToken);
        if (positions.Count >= AddQuestionValidator.MaxQuestions)
        {
            throw new DomainException("Prompt", $"A form can have at most {AddQuestionValidator.MaxQuestions} questions of your own.");
        }

        var question = new RegistrationQuestion(request.MissionId, positions.DefaultIfEmpty(0).Max() + 1, request.Prompt, request.Kind,
            request.Options ?? [], request.Required);
        db.RegistrationQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question.Id;
    }
}
