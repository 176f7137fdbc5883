using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Team;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class TeamTests
{
    [Theory, AllDatabases]
    public async Task Owner_AddsColleaguesByEmail_AndTheyGetThatRole(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var mission = await app.SendAsync(new CreateMissionCommand("M", null, "UK", "London", "Europe/London",
            new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 25)), ann);

        var vic = await app.SendAsync(new SetTeamRoleCommand(" Vic@Example.org ", MissionRoleKind.Viewer) { MissionId = mission }, ann);

        vic.Email.Should().Be("vic@example.org");
        (await app.SendAsync(new GetMissionQuery(mission), vic.OrganiserId)).Role.Should().Be(MissionRoleKind.Viewer);
        (await app.SendAsync(new ListTeamQuery(mission), vic.OrganiserId)).Select(m => (m.Email, m.Role))
            .Should().Equal(("ann@example.org", MissionRoleKind.Owner), ("vic@example.org", MissionRoleKind.Viewer));
        await FluentActions.Awaiting(() => app.SendAsync(new SetTeamRoleCommand("vic@example.org", MissionRoleKind.Owner) { MissionId = mission }, vic.OrganiserId))
            .Should().ThrowAsync<ForbiddenException>("a viewer cannot promote themselves");

        await app.SendAsync(new SetTeamRoleCommand("vic@example.org", MissionRoleKind.Organiser) { MissionId = mission }, ann);
        (await app.SendAsync(new GetMissionQuery(mission), vic.OrganiserId)).Role.Should().Be(MissionRoleKind.Organiser);
        (await app.CountAsync<Organiser>()).Should().Be(2, "the same person is not added twice");
    }

    [Theory, AllDatabases]
    public async Task TheLastOwner_CannotBeDemotedOrRemoved(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var mission = await app.SendAsync(new CreateMissionCommand("M", null, "UK", "London", "Europe/London",
            new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 25)), ann);

        await FluentActions.Awaiting(() => app.SendAsync(new SetTeamRoleCommand("ann@example.org", MissionRoleKind.Viewer) { MissionId = mission }, ann))
            .Should().ThrowAsync<DomainException>().WithMessage("*at least one owner*");
        await FluentActions.Awaiting(() => app.SendAsync(new RemoveTeamMemberCommand(mission, ann), ann))
            .Should().ThrowAsync<DomainException>();

        await app.SendAsync(new SetTeamRoleCommand("bob@example.org", MissionRoleKind.Owner) { MissionId = mission }, ann);
        await app.SendAsync(new RemoveTeamMemberCommand(mission, ann), ann);
        (await app.QueryAsync(db => db.MissionRoles.Where(r => r.MissionId == mission).Select(r => r.Role).ToListAsync()))
            .Should().Equal(MissionRoleKind.Owner);
        await FluentActions.Awaiting(() => app.SendAsync(new GetMissionQuery(mission), ann)).Should().ThrowAsync<NotFoundException>();
    }
}
