using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class RegistrationLinkTests
{
    [Theory, AllDatabases]
    public async Task A_participants_personal_link_works_until_the_configured_days_after_the_mission_and_then_is_not_found(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, days: 3,
            settings: new Dictionary<string, string?> { ["Auth:RegistrationLinkDaysAfterMission"] = "10" });
        await scenario.InviteAsync(1);
        var token = (await scenario.RegisterAsync("p0@example.org")).Token!;
        var app = scenario.App;
        var mission = await app.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync(m => m.Id == scenario.Mission));
        var expiresAt = app.Services.GetRequiredService<LinkExpiry>().For(LinkPurpose.Registration, mission);
        expiresAt.Should().Be(mission.UtcWindow().To.AddDays(10), "ten days after the end of the mission's last day");

        app.Clock.Advance(expiresAt - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        (await app.SendAsync(new GetMyRegistrationQuery(token))).Should().NotBeNull("a minute before it expires the link still works");
        (await app.SendAsync(new ExportPersonalDataQuery(token))).Should().Contain("p0@example.org");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await FluentActions.Awaiting(() => app.SendAsync(new GetMyRegistrationQuery(token))).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new GetMyItineraryQuery(token))).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new ExportPersonalDataQuery(token))).Should().ThrowAsync<NotFoundException>();
    }
}
