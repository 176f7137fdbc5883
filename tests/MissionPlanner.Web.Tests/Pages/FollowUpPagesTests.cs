using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.FollowUp;
using MissionPlanner.Features.Missions;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>The Follow-up page and API: actions added, refused with the field named, moved along, and their owners reminded by a real email.</summary>
public sealed class FollowUpPagesTests
{
    [Theory, AllDatabases]
    public async Task An_organiser_adds_an_action_its_owner_is_reminded_and_it_is_marked_done(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, AppFactory.Smtp(smtp));
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var today = DateOnly.FromDateTime(Domain.Missions.MissionTime.ToLocal(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", today.AddDays(-10), today.AddDays(-7)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        var page = $"/missions/{mission}/follow-up";

        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("No follow-up action yet");
        (await organiser.GetAsync($"/missions/{mission}/report")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.LastHtml.Should().Contain("Nothing has been recorded for this mission yet").And.Contain("0 confirmed delegates")
            .And.Contain("Personal data is kept 365 days after the mission (the installation&#x27;s default)");
        (await organiser.SubmitAsync($"/missions/{mission}/report", new Dictionary<string, string> { ["days"] = "-5" }, "Retention"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.LastHtml.Should().Contain("Keep personal data between 0 and 3650 days after the mission.");
        (await organiser.SubmitAsync($"/missions/{mission}/report", new Dictionary<string, string> { ["days"] = "90" }, "Retention"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/report");
        organiser.LastHtml.Should().Contain("Personal data is kept 90 days after the mission and purged on");

        // Refused, with the reason beside the field, and nothing saved.
        var refused = await organiser.SubmitAsync(page, Form("Send the draft research agreement", "not an address", today.AddDays(-1)));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Input.OwnerEmail").Should().NotBeNullOrEmpty();
        refused = await organiser.SubmitAsync(page, Form("Send the draft research agreement", "luuk@optnet.example", today.AddDays(-1)));
        organiser.FieldError("Input.DueDate").Should().Contain("before the day it was created");
        (await app.SendAsync(new ListFollowUpActionsQuery(mission))).Should().BeEmpty();

        (await organiser.SubmitAsync(page, Form("Send the draft research agreement", "luuk@optnet.example", today)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("Action added.").And.Contain("Send the draft research agreement").And.Contain("1 open (0 overdue)")
            .And.Contain("<svg class=\"status-bar\"");

        // Due today: the job's run emails the owner through the real server, once.
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(1);
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(0);
        var email = (await smtp.WaitForAsync(1)).Single();
        email.Subject.Should().Be("Due today: Send the draft research agreement");
        email.RcptTos.Should().Equal("luuk@optnet.example");

        var action = (await app.SendAsync(new ListFollowUpActionsQuery(mission))).Single();
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["actionId"] = action.Id.ToString(), ["status"] = "Done" }, "Status"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("is now done").And.Contain("0 open (0 overdue) · 1 done");
        await organiser.GetAsync($"/missions/{mission}/report");
        organiser.LastHtml.Should().NotContain("Nothing has been recorded").And.Contain("1 follow-up action</strong>")
            .And.Contain("<svg class=\"chart\"").And.Contain("<title>Follow-up actions by status</title>");

        // The API: the same rules, the field named in the problem.
        var (api, bob) = await app.ApiClientAsync("bob@example.org");
        await app.GrantAsync(mission, bob.OrganiserId, MissionRoleKind.Organiser);
        var bad = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/actions",
            new { title = "Plan a return visit", owner = "Topsector ICT", ownerEmail = "marieke@topsector.example", dueDate = today.AddDays(-3).ToString("yyyy-MM-dd") });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("dueDate", "the problem names the field");
        var created = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/actions",
            new { title = "Plan a return visit", owner = "Topsector ICT", ownerEmail = "marieke@topsector.example", dueDate = today.AddDays(30).ToString("yyyy-MM-dd") });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.ReadAsync();
        ((string)body["status"]!).Should().Be("Open");
        (await api.GetAsync(created.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Required fields are required: nothing is quietly reopened, printed or reset by a body that leaves them out.
        var noStatus = await api.PutAsJsonAsync(created.Headers.Location,
            new { title = "Plan a return visit", owner = "Topsector ICT", ownerEmail = "marieke@topsector.example", dueDate = today.AddDays(30).ToString("yyyy-MM-dd"), version = 0 });
        noStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((JsonObject)(await noStatus.ReadAsync())["errors"]!).Select(e => e.Key).Should().Equal("status");
        var noKind = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/documents", new { });
        noKind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((JsonObject)(await noKind.ReadAsync())["errors"]!).Select(e => e.Key).Should().Equal("kind");
        var negative = await api.PutAsJsonAsync($"/api/v1/missions/{mission}/retention", new { days = -1 });
        negative.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((JsonObject)(await negative.ReadAsync())["errors"]!).Select(e => e.Key).Should().Equal("days");
    }

    private static Dictionary<string, string> Form(string title, string email, DateOnly due) => new()
    {
        ["Input.Title"] = title,
        ["Input.Owner"] = "Luuk van der Meer",
        ["Input.OwnerEmail"] = email,
        ["Input.DueDate"] = due.ToString("yyyy-MM-dd"),
        ["Input.FollowsUp"] = "",
    };
}
