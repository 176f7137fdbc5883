using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>Moves a question one place up or down the form.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveQuestionCommand(Guid MissionId, Guid QuestionId, bool Up) : IRequest<Unit>, IMissionRequest;

public sealed class MoveQuestionHandler(AppDbContext db) : IRequestHandler<MoveQuestionCommand, Unit>
{
    public async Task<Unit> Handle(MoveQuestionCommand request, CancellationToken cancellationToken)
    {
        var questions = await db.RegistrationQuestions.Where(q => q.MissionId == request.MissionId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var index = questions.FindIndex(q => q.Id == request.QuestionId);
        if (index < 0)
        {
            throw new NotFoundException("Question");
        }

        var other = request.Up ? index - 1 : index + 1;
        if (other >= 0 && other < questions.Count)
        {
            (questions[index], questions[other]) = (questions[other], questions[index]);
            for (var i = 0; i < questions.Count; i++)
            {
                questions[i].MoveTo(i + 1);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
