using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class MissionOverviewPagesTests
{
    [Theory, AllDatabases]
    public async Task TheOverview_SaysWhatWaitsForTheOrganisers_WithWhereToDealWithIt(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var (api, organiser) = await app.ApiClientAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);

        // Two people apply and wait for approval; one email bounces.
        await app.SendAsync(new SetRegistrationModeCommand(RegistrationMode.ApprovalRequired) { MissionId = mission });
        foreach (var who in new[] { "pia", "piet" })
        {
            await app.SendAsync(new RegisterOpenCommand(mission, $"{who}@example.org",
                new RegistrationDetails(who, "TU Delft", Domain.Missions.Sector.Academia, DelegationRole.Member, true)));
        }

        // The app's own dispatcher sends it first (to the pickup folder); a message it is not holding can then be marked as bounced
        // without the dispatcher writing its outcome over the mark.
        var bounced = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.MissionId == mission).OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync());
        for (var i = 0; i < 300 && await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == bounced && m.Status != OutboxStatus.Sent)); i++)
        {
            await Task.Delay(100);
        }

        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == bounced && m.Status == OutboxStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "SMTP 550: mailbox unavailable"))))
            .Should().Be(1, "the dispatcher has sent it within 30 s");
        var awaitingHost = await app.QueryAsync(db => db.Visits.CountAsync(v => v.MissionId == mission && !v.Cancelled && v.HostResponse == HostResponse.Pending));
        var confirmed = await app.QueryAsync(db => db.Registrations.CountAsync(r => r.MissionId == mission && r.Status == RegistrationStatus.Confirmed));
        awaitingHost.Should().BeGreaterThan(1, "the demo's hosts have not answered yet");

        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);
        (await browser.GetAsync($"/missions/{mission}")).StatusCode.Should().Be(HttpStatusCode.OK);
        browser.LastHtml.Should().Contain($"<a href=\"/missions/{mission}/delegation?status=Pending\">2 registrations await your approval</a>")
            .And.Contain($"<a href=\"/missions/{mission}/outbox?status=Failed\">1 email could not be delivered</a>")
            .And.Contain($"<a href=\"/missions/{mission}/visits\">{awaitingHost} visits not yet confirmed by the host</a>")
            .And.Contain($"<strong>{confirmed}</strong> of 60 confirmed").And.Contain("2 awaiting approval");

        // Dealt with, it leaves the list.
        foreach (var id in await app.QueryAsync(db => db.Registrations.Where(r => r.MissionId == mission && r.Status == RegistrationStatus.Pending)
                     .Select(r => r.Id).ToListAsync()))
        {
            await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Approve) { MissionId = mission, RegistrationId = id });
        }

        await browser.GetAsync($"/missions/{mission}");
        browser.LastHtml.Should().NotContain("await your approval").And.Contain($"<strong>{confirmed + 2}</strong> of 60 confirmed");

        // A new mission: nothing waits.
        var created = await api.PostAsJsonAsync("/api/v1/missions", new
        {
            title = "Quiet mission",
            hostCountry = "United Kingdom",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = new DateOnly(2027, 3, 1),
            endDate = new DateOnly(2027, 3, 2),
        });
        var quiet = (string)(await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        await browser.GetAsync($"/missions/{quiet}");
        browser.LastHtml.Should().Contain("Nothing is waiting for you.").And.Contain("<strong>0</strong> invited").And.Contain("<strong>0</strong> visits");
    }
}
