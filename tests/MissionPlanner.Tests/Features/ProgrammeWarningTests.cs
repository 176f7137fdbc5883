using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class ProgrammeWarningTests
{
    private static readonly DateOnly Day = new(2027, 1, 19);

    [Theory, AllDatabases]
    public async Task Warnings_FindDoubleBookings_TooLittleTravelTime_AndClosedVenues(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider, new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://mp.example" });
        var mission = await app.SendAsync(new CreateMissionCommand("Mission", null, "United Kingdom", "Cambridge", "Europe/London", Day.AddDays(-1), Day.AddDays(2)));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var lab = await app.SendAsync(new CreateVenueCommand("Cavendish Lab", "JJ Thomson Ave", "Cambridge", VenueKind.Lab, null, null)
        { MissionId = mission, OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(17, 0) });
        var arm = await app.SendAsync(new CreateVenueCommand("ARM", "110 Fulbourn Road", "Cambridge", VenueKind.Company, null, null) { MissionId = mission });
        await app.SendAsync(new SetTravelTimeCommand(arm, lab, 90) { MissionId = mission });
        var ann = await RegisterAsync(app, mission, "ann@example.org", "Ann");
        var bob = await RegisterAsync(app, mission, "bob@example.org", "Bob");

        var cleanroom = await Item(app, mission, "Cleanroom tour", 10, 12, lab);
        var deposition = await Item(app, mission, "Deposition lab", 11, 13, lab);
        var visit = await Item(app, mission, "ARM visit", 13, 15, arm);
        var evening = await Item(app, mission, "Evening demo", 18, 19, lab);
        await app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [ann, bob]) { MissionId = mission, ItemId = cleanroom });
        await app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [ann]) { MissionId = mission, ItemId = deposition });
        await app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [bob]) { MissionId = mission, ItemId = visit });

        var warnings = await app.SendAsync(new GetProgrammeWarningsQuery(mission));

        warnings.Should().HaveCount(3);
        warnings.Single(w => w.Kind == ProgrammeWarningKind.DoubleBooked).Should().BeEquivalentTo(new
        {
            ItemIds = new[] { cleanroom, deposition },
            People = new[] { "Ann" },
            Message = "Ann would be in 'Cleanroom tour' (Tue 10:00–12:00) and 'Deposition lab' (Tue 11:00–13:00) at the same time.",
        });
        warnings.Single(w => w.Kind == ProgrammeWarningKind.TooLittleTravelTime).Message
            .Should().Be("Bob would have 60 minutes to get from Cavendish Lab ('Cleanroom tour') to ARM ('ARM visit'), which takes 90 minutes.");
        warnings.Single(w => w.Kind == ProgrammeWarningKind.OutsideOpeningHours).ItemIds.Should().Equal(evening);
        warnings.Single(w => w.Kind == ProgrammeWarningKind.TooLittleTravelTime).ItemIds.Should().Equal(cleanroom, visit);
    }

    [Theory, AllDatabases]
    public async Task TravelLegs_MayNotOverlap_UnlessGroupsTravelSeparately_AndTheirDetailsReachTheItinerary(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider, new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://mp.example" });
        var mission = await app.SendAsync(new CreateMissionCommand("Mission", null, "United Kingdom", "London", "Europe/London", Day.AddDays(-1), Day.AddDays(2)));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        await app.SendAsync(Leg(mission, "Coach to Cambridge", 8, 10, parallel: true) with
        {
            TravelMode = TravelMode.Coach,
            Carrier = "Golden Tours",
            MeetingPoint = "Hotel lobby",
            SeatOrCoach = "Coach 2",
        });

        var clash = () => app.SendAsync(Leg(mission, "Train to Cambridge", 9, 11, parallel: false));
        (await clash.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("overlaps the travel leg 'Coach to Cambridge'");
        await app.SendAsync(Leg(mission, "Second coach", 8, 10, parallel: true));

        var token = await RegisterAsync(app, mission, "ann@example.org", "Ann", returnToken: true);
        var itinerary = await app.SendAsync(new GetMyItineraryQuery(token));
        itinerary.Items.Single(i => i.Title == "Coach to Cambridge").Travel.Should().Be("Coach · Golden Tours · meet at: Hotel lobby · seat or coach: Coach 2");
    }

    private static CreateProgrammeItemCommand Leg(Guid mission, string title, int from, int to, bool parallel) =>
        new(title, null, ProgrammeItemKind.TravelLeg, Day.ToDateTime(new TimeOnly(from, 0)), Day.ToDateTime(new TimeOnly(to, 0)), null, null, parallel)
        { MissionId = mission };

    private static Task<Guid> Item(Slice app, Guid mission, string title, int from, int to, Guid venue) =>
        app.SendAsync(new CreateProgrammeItemCommand(title, null, ProgrammeItemKind.LabTour, Day.ToDateTime(new TimeOnly(from, 0)),
            Day.ToDateTime(new TimeOnly(to, 0)), venue, null, true)
        { MissionId = mission });

    private static async Task<Guid> RegisterAsync(Slice app, Guid mission, string email, string name) =>
        Guid.Parse(await RegisterAsync(app, mission, email, name, returnToken: false));

    private static async Task<string> RegisterAsync(Slice app, Guid mission, string email, string name, bool returnToken)
    {
        await app.SendAsync(new InviteParticipantCommand(email, name, null, null) { MissionId = mission });
        var body = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync());
        var result = await app.SendAsync(new RegisterByInvitationCommand(EmailLinks.TokenOf(body, LinkKind.Invitation),
            new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, true)));
        return returnToken ? result.Token! : (await app.QueryAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync())).ToString();
    }
}
