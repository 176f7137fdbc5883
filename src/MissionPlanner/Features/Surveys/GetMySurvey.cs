using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Surveys;

/// <summary>One survey the holder of a registration link was asked to answer, with its questions; any other survey is "not found".</summary>
public sealed record GetMySurveyQuery(string Token, Guid SurveyId) : IRequest<MySurveyView>;

public sealed class GetMySurveyHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<GetMySurveyQuery, MySurveyView>
{
    public async Task<MySurveyView> Handle(GetMySurveyQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        return (await MySurveys.ForAsync(db, registration.MissionId, registration.Id, request.SurveyId, clock.GetUtcNow().UtcDateTime, cancellationToken))
               .FirstOrDefault() ?? throw new NotFoundException("Survey");
    }
}
