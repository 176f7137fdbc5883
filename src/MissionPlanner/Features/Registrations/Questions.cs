using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

public interface IQuestionFields
{
    string Prompt { get; }
    QuestionKind Kind { get; }
    IReadOnlyList<string>? Options { get; }
}

internal static class QuestionLookup
{
    public static async Task<RegistrationQuestion> FindAsync(AppDbContext db, Guid missionId, Guid questionId, CancellationToken ct) =>
        await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.MissionId == missionId && q.Id == questionId, ct)
        ?? throw new NotFoundException("Question");
}
