using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>The visit workflow through the pages of its three kinds of users: organiser, participant, host.</summary>
public sealed class VisitPagesTests
{
    [Theory, AllDatabases]
    public async Task OrganiserParticipantAndHost_PlanAVisitThroughThePages(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://mp.example" });
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var start = new DateOnly(2027, 1, 18);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "Cambridge", "Europe/London", start, start.AddDays(3)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var venue = await app.SendAsync(new CreateVenueCommand("Cavendish Laboratory", null, "Cambridge", VenueKind.Lab, null, null) { MissionId = mission });
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);

        // Organiser: a host, then a visit; a visit with min > max is refused beside the field and not saved.
        var host = await organiser.SubmitAsync($"/missions/{mission}/visits", new Dictionary<string, string>
        {
            ["Input.Name"] = "Cavendish Laboratory",
            ["Input.ContactName"] = "Dr Jane Smith",
            ["Input.ContactEmail"] = "jane@cam.example",
        }, "Host");
        host.StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        var hostId = await app.QueryAsync(db => db.VisitHosts.Select(h => h.Id).SingleAsync());
        Dictionary<string, string> Visit(string min, string max) => new()
        {
            ["Input.Title"] = "Cleanroom tour",
            ["Input.HostId"] = hostId.ToString(),
            ["Input.VenueId"] = venue.ToString(),
            ["Input.Kind"] = "LabTour",
            ["Input.DurationMinutes"] = "60",
            ["Input.MinGroupSize"] = min,
            ["Input.MaxGroupSize"] = max,
            ["Input.ParallelGroups"] = "1",
            ["Input.Starts[0]"] = "2027-01-19T10:00",
            ["Input.Ends[0]"] = "2027-01-19T12:00",
            ["Input.Requirements"] = "Gowning",
        };
        var invalid = await organiser.SubmitAsync($"/missions/{mission}/visits/new", Visit("5", "3"));
        invalid.StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Input.MinGroupSize").Should().Be("The smallest group (5) cannot be larger than the largest (3).");
        (await app.QueryAsync(db => db.Visits.CountAsync())).Should().Be(0);
        (await organiser.SubmitAsync($"/missions/{mission}/visits/new", Visit("1", "2"))).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/visits");
        organiser.LastHtml.Should().Contain("Cleanroom tour").And.Contain("Tue 19 Jan 10:00–12:00").And.Contain("Host: Pending");

        // Participants rank through their link; the same rank twice is refused with the visits named.
        await app.SendAsync(new ImportInvitationsCommand("email,name\np0@example.org,Pia\np1@example.org,Piet\np2@example.org,Paul\n") { MissionId = mission });
        var tokens = new Dictionary<string, string>();
        foreach (var body in await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "invitation").Select(m => m.TextBody).ToListAsync()))
        {
            var name = Regex.Match(body, @"Dear (\w+)").Groups[1].Value;
            tokens[name] = (await app.SendAsync(new RegisterByInvitationCommand(EmailLinks.TokenOf(body, LinkKind.Invitation),
                new RegistrationDetails(name, $"{name} BV", Sector.Industry, DelegationRole.Member, true)))).Token!;
        }

        var visitId = await app.QueryAsync(db => db.Visits.Select(v => v.Id).SingleAsync());
        var participant = new WebSession(app);
        await participant.GetAsync($"/r/{tokens["Pia"]}");
        participant.LastHtml.Should().Contain($"/r/{tokens["Pia"]}/visits");
        foreach (var name in tokens.Keys)
        {
            var ranked = await participant.SubmitAsync($"/r/{tokens[name]}/visits", new Dictionary<string, string> { [$"Ranks[{visitId}]"] = "1" });
            ranked.StatusCode.Should().Be(HttpStatusCode.Redirect, participant.LastHtml);
        }

        await participant.GetAsync($"/r/{tokens["Pia"]}/visits");
        participant.LastHtml.Should().Contain("Cleanroom tour").And.Contain("<option value=\"1\" selected=\"selected\">1</option>");
        (await participant.GetAsync($"/r/{tokens["Pia"]}x/visits")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Organiser: make the groups (two groups of up to two), preview a move, publish.
        (await organiser.SubmitAsync($"/missions/{mission}/visits/plan", new Dictionary<string, string>(), "Run")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/visits/plan");
        organiser.LastHtml.Should().Contain("Scheduled: 3 places for 3 people; 0 without one of their top choices.");
        var pia = await app.QueryAsync(db => db.Registrations.Where(r => r.Name == "Pia").Select(r => r.Id).SingleAsync());
        var piaGroup = await app.QueryAsync(db => db.VisitAssignments.Where(a => a.RegistrationId == pia).Select(a => new { a.VisitId, a.StartsAt, a.GroupNumber }).SingleAsync());
        var otherGroup = $"{visitId:N}|{(piaGroup.StartsAt.Hour == 10 ? "20270119T1100" : "20270119T1000")}|1";
        var preview = await organiser.GetAsync($"/missions/{mission}/visits/plan?handler=Preview&registrationId={pia}&toGroup={Uri.EscapeDataString(otherGroup)}");
        preview.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var full = await app.QueryAsync(db => db.VisitAssignments.CountAsync(a => a.StartsAt != piaGroup.StartsAt)) == 2;
        organiser.LastHtml.Should().Contain(full ? "has 3 people; the host takes 2" : "\"warnings\":[");
        (await app.QueryAsync(db => db.VisitAssignments.CountAsync(a => a.RegistrationId == pia && a.StartsAt == piaGroup.StartsAt))).Should().Be(1, "a preview moves nobody");
        (await organiser.SubmitAsync($"/missions/{mission}/visits/plan", new Dictionary<string, string>(), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var itinerary = await participant.GetAsync($"/r/{tokens["Pia"]}/itinerary");
        participant.LastHtml.Should().Contain("Cleanroom tour").And.Contain("Gowning provided");

        // Host: the request email's link opens its page; it confirms and downloads the visitor list.
        (await organiser.SubmitAsync($"/missions/{mission}/visits", new Dictionary<string, string>(), "Requests")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var hostLink = Regex.Match(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "host-request").Select(m => m.TextBody).SingleAsync()),
            @"https://mp\.example(/h/[A-Za-z0-9_\-]+)").Groups[1].Value;
        var hostBrowser = new WebSession(app);
        var page = await hostBrowser.GetAsync(hostLink);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        hostBrowser.LastHtml.Should().Contain("Cleanroom tour").And.Contain("Pia").And.Contain("Piet").And.Contain("Paul").And.Contain("Awaiting your answer")
            .And.Contain(": 2 visitors</li>").And.Contain(": 1 visitor</li>", "three people in groups of up to two");
        var noReason = await hostBrowser.PostAsync(hostLink, new Dictionary<string, string> { ["visitId"] = visitId.ToString(), ["response"] = "Declined" }, hostBrowser.AntiforgeryToken());
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        hostBrowser.LastHtml.Should().Contain("Please tell the organisers why");
        var confirmed = await hostBrowser.PostAsync(hostLink, new Dictionary<string, string> { ["visitId"] = visitId.ToString(), ["response"] = "Confirmed" }, hostBrowser.AntiforgeryToken());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect, hostBrowser.LastHtml);
        await hostBrowser.GetAsync(hostLink);
        hostBrowser.LastHtml.Should().Contain("Thank you: the visit is confirmed.").And.Contain("host-confirmed");
        var csv = await hostBrowser.Client.GetAsync($"{hostLink}?handler=Csv&visit={visitId}");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.Should().StartWith("\uFEFF", "Excel needs the BOM").And.Contain("Pia,Pia BV").And.NotContain("nationality");
        await organiser.GetAsync($"/missions/{mission}/visits");
        organiser.LastHtml.Should().Contain("1 confirmed · 0 pending");

        // Cancelled: the host's link is "not found".
        (await organiser.SubmitAsync($"/missions/{mission}/visits/{visitId}", new Dictionary<string, string>(), "Cancel")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await hostBrowser.GetAsync(hostLink)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await hostBrowser.Client.GetAsync($"{hostLink}?handler=Csv&visit={visitId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await participant.GetAsync($"/r/{tokens["Pia"]}/itinerary");
        participant.LastHtml.Should().Contain("Cleanroom tour").And.Contain("ancelled");
    }
}
