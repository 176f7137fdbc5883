using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Missions;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class MissionTests
{
    private static CreateMissionCommand London(string title = "Mission to London") =>
        new(title, "Symposium and lab tours", "United Kingdom", "London", "Europe/London", new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 25));

    [Theory, AllDatabases]
    public async Task Create_MakesTheCreatorOwner_AndListsItOnlyForThem(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var bob = await app.AddOrganiserAsync("bob@example.org");

        var id = await app.SendAsync(London(), ann);

        var mission = await app.SendAsync(new GetMissionQuery(id), ann);
        mission.Should().BeEquivalentTo(new
        {
            Title = "Mission to London",
            TimeZoneId = "Europe/London",
            Status = MissionStatus.Draft,
            Role = MissionRoleKind.Owner,
            StartDate = new DateOnly(2027, 3, 22),
            EndDate = new DateOnly(2027, 3, 25),
        });
        (await app.SendAsync(new ListMissionsQuery(), ann)).Select(m => m.Id).Should().Equal(id);
        (await app.SendAsync(new ListMissionsQuery(), bob)).Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Create_WithInvalidFields_NamesEachField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");

        var act = () => app.SendAsync(London(new string('x', 201)) with
        {
            TimeZoneId = "Mars/Olympus_Mons",
            HostCity = "",
            EndDate = new DateOnly(2027, 3, 1),
        }, ann);

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName);
        errors.Should().BeEquivalentTo(["Title", "TimeZoneId", "HostCity", "EndDate"]);
        (await app.CountAsync<Mission>()).Should().Be(0);
        (await app.CountAsync<MissionRole>()).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task Organiser_WithoutRole_GetsNotFound_ForReadAndChange(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var eve = await app.AddOrganiserAsync("eve@example.org");
        var id = await app.SendAsync(London(), ann);

        await FluentActions.Awaiting(() => app.SendAsync(new GetMissionQuery(id), eve)).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new DeleteMissionCommand(id), eve)).Should().ThrowAsync<NotFoundException>();
        (await app.CountAsync<Mission>()).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task Viewer_CanRead_ButCannotChange(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var vic = await app.AddOrganiserAsync("vic@example.org");
        var id = await app.SendAsync(London(), ann);
        await app.GrantAsync(id, vic, MissionRoleKind.Viewer);
        var current = await app.SendAsync(new GetMissionQuery(id), vic);

        var update = new UpdateMissionCommand("Renamed", null, "United Kingdom", "London", "Europe/London",
            current.StartDate, current.EndDate, current.Version)
        { MissionId = id };

        current.Role.Should().Be(MissionRoleKind.Viewer);
        await FluentActions.Awaiting(() => app.SendAsync(update, vic)).Should().ThrowAsync<ForbiddenException>();
        (await app.SendAsync(new GetMissionQuery(id), ann)).Title.Should().Be("Mission to London");
    }

    [Theory, AllDatabases]
    public async Task Organiser_CanEdit_ButOnlyOwner_ChangesStatus(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var oli = await app.AddOrganiserAsync("oli@example.org");
        var id = await app.SendAsync(London(), ann);
        await app.GrantAsync(id, oli, MissionRoleKind.Organiser);

        await app.SendAsync(new UpdateMissionCommand("Renamed", null, "United Kingdom", "Cambridge", "Europe/London",
            new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 25), 0)
        { MissionId = id }, oli);
        await FluentActions.Awaiting(() => app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = id }, oli))
            .Should().ThrowAsync<ForbiddenException>();
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = id }, ann);

        var mission = await app.SendAsync(new GetMissionQuery(id), ann);
        mission.Should().BeEquivalentTo(new { Title = "Renamed", HostCity = "Cambridge", Status = MissionStatus.Open, Version = 2 });
    }

    [Theory, AllDatabases]
    public async Task Update_WithStaleVersion_IsAConflict_AndKeepsTheNewerChange(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var id = await app.SendAsync(London(), ann);
        UpdateMissionCommand Rename(string title) => new(title, null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 25), 0)
        { MissionId = id };

        await app.SendAsync(Rename("First editor"), ann);
        var act = () => app.SendAsync(Rename("Second editor, stale"), ann);

        await act.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await app.SendAsync(new GetMissionQuery(id), ann)).Title.Should().Be("First editor");
    }

    [Theory, AllDatabases]
    public async Task Status_FollowsDraftOpenClosedCompleted(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var id = await app.SendAsync(London());

        var skip = () => app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Completed) { MissionId = id });
        (await skip.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Status");

        foreach (var status in new[] { MissionStatus.Open, MissionStatus.Closed, MissionStatus.Completed })
        {
            await app.SendAsync(new ChangeMissionStatusCommand(status) { MissionId = id });
        }

        (await app.SendAsync(new GetMissionQuery(id))).Status.Should().Be(MissionStatus.Completed);
    }

    [Theory, AllDatabases]
    public async Task Delete_OnlyDrafts_AndRemovesTheirProgramme(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var draft = await app.SendAsync(London("Draft"));
        var open = await app.SendAsync(London("Open"));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = open });
        var venue = await app.SendAsync(new MissionPlanner.Features.Venues.CreateVenueCommand("Embassy", "38 Hyde Park Gate", "London",
            VenueKind.Embassy, null, null)
        { MissionId = draft });
        await app.SendAsync(new MissionPlanner.Features.Programme.CreateProgrammeItemCommand("Opening", null, ProgrammeItemKind.Talk,
            new DateTime(2027, 3, 22, 9, 0, 0), new DateTime(2027, 3, 22, 10, 0, 0), venue, null, false)
        { MissionId = draft });
        // Visits and ceremonies hold restricting keys to hosts, venues and parties: deletion must order around them.
        var host = await app.SendAsync(new MissionPlanner.Features.Visits.CreateHostCommand("Imperial", "Jane", "jane@example.org", null) { MissionId = draft });
        await app.SendAsync(new MissionPlanner.Features.Visits.CreateVisitCommand(host, venue, "Lab", ProgrammeItemKind.LabTour, 60, 1, 6,
            [new MissionPlanner.Features.Visits.VisitWindowInput(new DateTime(2027, 3, 23, 9, 0, 0), new DateTime(2027, 3, 23, 11, 0, 0))])
        { MissionId = draft });
        var signing = await app.SendAsync(new MissionPlanner.Features.Programme.CreateProgrammeItemCommand("Signing", null, ProgrammeItemKind.SigningCeremony,
            new DateTime(2027, 3, 22, 15, 0, 0), new DateTime(2027, 3, 22, 15, 30, 0), venue, null, false)
        { MissionId = draft });
        var ceremony = await app.SendAsync(new MissionPlanner.Features.Ceremonies.CreateCeremonyCommand(draft, signing));
        var party = await app.SendAsync(new MissionPlanner.Features.Ceremonies.AddCeremonyPartyCommand("Acme") { MissionId = draft, CeremonyId = ceremony });
        await app.SendAsync(new MissionPlanner.Features.Ceremonies.AddCeremonyPersonCommand(MissionPlanner.Domain.Ceremonies.CeremonyRole.Witness, "Wim", null, "Acme", null)
        { MissionId = draft, CeremonyId = ceremony, PartyId = party });

        // Room blocks point at their hotel venue the same way.
        var hotel = await app.SendAsync(new MissionPlanner.Features.Venues.CreateVenueCommand("Hotel", "Kensington", "London", VenueKind.Hotel, null, null)
        { MissionId = draft });
        await app.SendAsync(new MissionPlanner.Features.Rooms.AddRoomBlockCommand(hotel, null, MissionPlanner.Domain.Travel.RoomType.Single, false,
            new DateOnly(2027, 3, 21), new DateOnly(2027, 3, 22), 5, null, null, new DateOnly(2027, 3, 1), null)
        { MissionId = draft });

        await app.SendAsync(new DeleteMissionCommand(draft));
        await FluentActions.Awaiting(() => app.SendAsync(new DeleteMissionCommand(open))).Should().ThrowAsync<DomainException>();

        (await app.QueryAsync(db => db.Missions.Select(m => m.Title).ToListAsync())).Should().Equal("Open");
        (await app.CountAsync<ProgrammeItem>()).Should().Be(0);
        (await app.CountAsync<Venue>()).Should().Be(0);
    }
}
