using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>The organisers' own questions on the registration form, in the order they appear.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListQuestionsQuery(Guid MissionId) : IRequest<IReadOnlyList<QuestionView>>, IMissionRequest;

public sealed class ListQuestionsHandler(AppDbContext db) : IRequestHandler<ListQuestionsQuery, IReadOnlyList<QuestionView>>
{
    public async Task<IReadOnlyList<QuestionView>> Handle(ListQuestionsQuery request, CancellationToken cancellationToken) =>
        (await RegistrationIntake.QuestionsAsync(db, request.MissionId, cancellationToken)).Select(RegistrationIntake.View).ToList();
}
