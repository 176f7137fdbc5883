using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>Removes a question; answers already given to it are no longer shown or exported.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteQuestionCommand(Guid MissionId, Guid QuestionId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteQuestionHandler(AppDbContext db) : IRequestHandler<DeleteQuestionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteQuestionCommand request, CancellationToken cancellationToken)
    {
        db.RegistrationQuestions.Remove(await QuestionLookup.FindAsync(db, request.MissionId, request.QuestionId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
