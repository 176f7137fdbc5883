using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Features.Demo;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed partial class InvitationPagesTests
{
    private static async Task<(AppFactory App, SmtpSink Smtp, WebSession Organiser, Guid Mission)> ArrangeAsync(DatabaseProvider provider)
    {
        var smtp = await SmtpSink.StartAsync();
        var app = await AppFactory.CreateAsync(provider, AppFactory.Smtp(smtp));
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var ann = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, ann.OrganiserId, MissionPlanner.Domain.Organisers.MissionRoleKind.Organiser);
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        return (app, smtp, organiser, mission);
    }

    [Theory, AllDatabases]
    public async Task AnInvitationSentFromThePage_ArrivesByEmail_AndItsLinkLetsTheInviteeAccept(DatabaseProvider provider)
    {
        var (app, smtp, organiser, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        await using var __ = smtp;

        var sent = await organiser.SubmitAsync($"/missions/{mission}/invitations", new Dictionary<string, string>
        {
            ["Invite.Email"] = "bob@example.org",
            ["Invite.Name"] = "Bob Jansen",
            ["Invite.Organisation"] = "Innatera",
        }, handler: "Invite");
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);

        // Delivered by the Quartz dispatcher running inside the app, to a real SMTP server.
        var email = (await smtp.WaitForAsync(1)).Single();
        email.Subject.Should().Be("Invitation: Innovation Mission to the UK: Neuromorphic Computing");
        email.Html.Should().Contain("Bob Jansen");
        var link = EmailLinks.Single(email.Text, LinkKind.Invitation).ToString();
        link.Should().StartWith("http://localhost/i/");

        var invitee = new WebSession(app);
        (await invitee.GetAsync(new Uri(link).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.OK);
        invitee.LastHtml.Should().Contain("Dear Bob Jansen");
        invitee.LastHtml.Should().MatchRegex("<input[^>]*name=\"Input.Organisation\"[^>]*value=\"Innatera\"", "the form starts with the organisation the invitation holds");
        (await invitee.SubmitAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Name"] = "Bob Jansen",
            ["Input.Organisation"] = "Innatera",
            ["Input.Sector"] = "StartUp",
            ["Input.Role"] = "Member",
            ["Input.ConsentProcessing"] = "true",
        }, handler: "Register")).StatusCode.Should().Be(HttpStatusCode.OK);
        invitee.LastHtml.Should().Contain("Your place is confirmed");

        await organiser.GetAsync($"/missions/{mission}/invitations");
        organiser.LastHtml.Should().Contain("1 accepted");
        (await invitee.GetAsync("/i/" + new string('A', 43))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACsvWithBadRows_IsShownLineByLine_AndInvitesNobody()
    {
        var (app, smtp, organiser, mission) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var __ = smtp;
        await organiser.GetAsync($"/missions/{mission}/invitations");
        var form = new MultipartFormDataContent
        {
            { new StringContent(organiser.AntiforgeryToken()), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("email,name\nann@example.org,Ann\nnot-an-email,Bob\ncem@example.org,\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "csv", "delegates.csv");

        var response = await organiser.Client.PostAsync($"/missions/{mission}/invitations?handler=Import", form);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("2 row(s) need fixing; nobody was invited")
            .And.MatchRegex(@"<td>3</td><td>email</td>")
            .And.MatchRegex(@"<td>4</td><td>name</td>");
        (await app.QueryAsync(db => db.Invitations.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task AnUploadedSpreadsheet_IsShownAsUnderstood_BeforeAnyoneIsInvited_ThenInvitedOnConfirmation()
    {
        var (app, smtp, organiser, mission) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var __ = smtp;
        await organiser.GetAsync($"/missions/{mission}/invitations");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var form = new MultipartFormDataContent { { new StringContent(organiser.AntiforgeryToken()), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(System.Text.Encoding.GetEncoding(1252).GetBytes(
            "Voornaam;Achternaam;E-mailadres;Organisatie;Dieet\r\nZoë;Müller;zoe@example.org;Universität Zürich;vegan\r\nBob;Jansen;bob@example.org;TU Delft;\r\nCem;;cem@;;\r\n"));
        form.Add(file, "csv", "export.csv");

        var check = await organiser.Client.PostAsync($"/missions/{mission}/invitations?handler=Import", form);
        var html = await check.Content.ReadAsStringAsync();

        html.Should().Contain("CSV, Windows-1252 (&quot;ANSI&quot;), separated by semicolons")
            .And.MatchRegex(@"<td>E</td><td>Dieet</td><td>ignored</td>")
            .And.MatchRegex(@"<td>2</td>\s*<td>zoe@example.org</td>\s*<td>Zoë Müller</td>")
            .And.Contain("1 row(s) need fixing; nobody was invited yet")
            .And.Contain("Invite 2 people");
        (await app.QueryAsync(db => db.Invitations.CountAsync())).Should().Be(0, "checking a file invites nobody");
        var hidden = System.Text.RegularExpressions.Regex.Match(html, "name=\"file\" value=\"([^\"]+)\"").Groups[1].Value;

        var confirmed = await organiser.SubmitAsync($"/missions/{mission}/invitations",
            new Dictionary<string, string> { ["file"] = hidden, ["validOnly"] = "true" }, handler: "ImportConfirmed");

        confirmed.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Invitations.OrderBy(i => i.Email).Select(i => i.Name).ToListAsync())).Should().Equal("Bob Jansen", "Zoë Müller");
    }

    [Fact]
    public async Task TheOutboxPage_ShowsARefusedMessageWithTheReason_AndResendsIt()
    {
        var (app, smtp, organiser, mission) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var __ = smtp;
        await organiser.SubmitAsync($"/missions/{mission}/invitations", new Dictionary<string, string>
        {
            ["Invite.Email"] = "reject-me@example.org",
            ["Invite.Name"] = "Rita",
        }, handler: "Invite");
        var failed = await WaitForAsync(app, m => m.Status == OutboxStatus.Failed);

        await organiser.GetAsync($"/missions/{mission}/outbox?status=Failed");
        organiser.LastHtml.Should().Contain("reject-me@example.org").And.Contain("SMTP 550").And.Contain("User unknown");
        var resend = await organiser.SubmitAsync($"/missions/{mission}/outbox",
            new Dictionary<string, string> { ["messageId"] = failed.Id.ToString() }, handler: "Resend");

        resend.StatusCode.Should().Be(HttpStatusCode.Redirect);
        for (var i = 0; i < 100 && smtp.Rejected.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        smtp.Rejected.Should().Equal("reject-me@example.org", "reject-me@example.org");
        (await WaitForAsync(app, m => m.Id == failed.Id && m.Status == OutboxStatus.Failed)).LastError.Should().Contain("550");
    }

    [Fact]
    public async Task ASignInLinkCanBeRequestedByEmail_WithoutRevealingWhoHasAnAccount()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, AppFactory.Smtp(smtp));
        await app.AddOrganiserAsync("ann@example.org");
        var browser = new WebSession(app);

        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Email"] = "nobody@example.org" }, handler: "Email");
        var unknown = browser.LastHtml;
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Email"] = "ann@example.org" }, handler: "Email");

        unknown.Should().Contain("If that address belongs to an organiser");
        browser.LastHtml.Should().Contain("If that address belongs to an organiser");
        var email = (await smtp.WaitForAsync(1)).Single();
        email.RcptTos.Should().Equal("ann@example.org");
        var link = EmailLinks.Single(email.Text, LinkKind.SignIn);
        await browser.SignInAsync(Uri.UnescapeDataString(link.Query["?token=".Length..]));
        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MissionWording_WithAnUnknownPlaceholder_IsRefused_AndAValidOneIsPreviewedAsARealInvitee()
    {
        var (app, smtp, organiser, mission) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var __ = smtp;
        await organiser.SubmitAsync($"/missions/{mission}/invitations", new Dictionary<string, string>
        {
            ["Invite.Email"] = "bob@example.org",
            ["Invite.Name"] = "Bob Jansen",
        }, handler: "Invite");
        var bob = await app.QueryAsync(db => db.Invitations.SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Join us, {{recipientName}}",
            ["Input.Html"] = "<p>Dear {{recipientName}}, see {{link}}</p>",
            ["Input.Text"] = "Dear {{recipientName}}, your seat number is {{seatNumber}}. {{link}}",
        };

        var refused = await organiser.SubmitAsync($"/missions/{mission}/emails/invitation", fields);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Input.Text").Should().Contain("invitation.txt").And.Contain("seatNumber");

        fields["Input.Text"] = "Dear {{recipientName}}, see {{link}}";
        (await organiser.SubmitAsync($"/missions/{mission}/emails/invitation", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await organiser.GetAsync($"/missions/{mission}/emails/invitation?invitationId={bob.Id}");
        organiser.LastHtml.Should().Contain("Join us, Bob Jansen").And.Contain("this mission&#x27;s wording");
        var frame = await organiser.GetAsync($"/missions/{mission}/emails/invitation?handler=Html&invitationId={bob.Id}");
        organiser.LastHtml.Should().Be("<p>Dear Bob Jansen, see http://localhost/i/personal-link-shown-here</p>");
        frame.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
    }

    [Theory]
    [InlineData("i")]
    [InlineData("r")]
    [InlineData("h")]
    [InlineData("s")]
    [InlineData("c")]
    [InlineData("m")]
    public async Task PersonalLinks_AreRateLimitedPerClient(string kind)
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Auth:PersonalLinkMissesPerMinute"] = "5" });
        var guesser = new WebSession(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await guesser.GetAsync($"/{kind}/guess{i}")).StatusCode);
        }

        statuses.Should().Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5).Append(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_delegation_sharing_one_address_uses_its_links_freely_while_guessing_and_overuse_are_refused_with_a_page()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Auth:PersonalLinkRequestsPerMinute"] = "30",
            ["Auth:PersonalLinkMissesPerMinute"] = "5",
        });
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new MissionPlanner.Features.Registrations.ImportDelegatesCommand(
            "email,name,organisation,sector\na@example.org,Ann,TU Delft,Academia\nb@example.org,Bob,TU Delft,Academia\nc@example.org,Cas,TU Delft,Academia\n")
        { MissionId = mission });
        string[] addresses = ["a@example.org", "b@example.org", "c@example.org"];
        var bodies = await app.QueryAsync(db => db.OutboxMessages.Where(m => addresses.Contains(m.ToAddress)).Select(m => m.TextBody).ToListAsync());
        var tokens = bodies.Select(b => EmailLinks.TokenOf(b, LinkKind.Registration)).ToList();
        tokens.Should().HaveCount(3);
        var venueWifi = new WebSession(app);

        // Three delegates on one address, 25 requests each (75 in the minute): every one answered.
        var statuses = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            for (var i = 0; i < 25; i++)
            {
                statuses.Add((await venueWifi.GetAsync($"/r/{token}")).StatusCode);
            }
        }

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);

        // One link used past its limit: a page a person can read, with when to try again.
        for (var i = 0; i < 5; i++)
        {
            await venueWifi.GetAsync($"/r/{tokens[0]}");
        }

        var page = new HttpRequestMessage(HttpMethod.Get, $"/r/{tokens[0]}");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var refused = await venueWifi.Client.SendAsync(page);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
        (await refused.Content.ReadAsStringAsync()).Should().Contain("<h1>Too many requests</h1>").And.Contain("Wait a minute");

        // Five guesses from the address: then its other links wait too.
        for (var i = 0; i < 5; i++)
        {
            (await venueWifi.GetAsync($"/r/guess{i}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await venueWifi.GetAsync($"/r/{tokens[1]}")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_browser_meeting_a_link_that_does_not_exist_gets_a_page_and_an_API_client_problem_details()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var page = new HttpRequestMessage(HttpMethod.Get, "/r/no-such-link");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await client.SendAsync(page);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<h1>Not found</h1>").And.Contain("ask the organisers for a new link");

        var api = new HttpRequestMessage(HttpMethod.Get, "/r/no-such-link");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        (await client.SendAsync(api)).Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static async Task<OutboxMessage> WaitForAsync(AppFactory app, Func<OutboxMessage, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var match = (await app.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).FirstOrDefault(condition);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No outbox message reached the expected state.");
    }


    [Theory, AllDatabases]
    public async Task TheOutboxPage_ShowsWhenTheServerPausedSending_AndWhenARateLimitedBatchWillFinish(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        var settings = AppFactory.Smtp(smtp);
        settings["Email:MessagesPerMinute"] = "5";
        settings["Email:ThrottlePause"] = "00:00:03";
        await using var app = await AppFactory.CreateAsync(provider, settings);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var ann = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, ann.OrganiserId, MissionPlanner.Domain.Organisers.MissionRoleKind.Organiser);
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        smtp.Throttle(true);
        var csv = "email,name\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"rated{i:D2}@example.org,Rated {i}\n"));

        var import = await app.SendAsync(new MissionPlanner.Features.Invitations.ImportInvitationsCommand(csv) { MissionId = mission });
        await WaitUntilAsync(app, db => db.MailDispatchStates.AnyAsync(s => s.PausedUntil != null));

        await organiser.GetAsync($"/missions/{mission}/outbox");
        organiser.LastHtml.Should().Contain("Sending is paused until").And.Contain("421").And.Contain("Too many messages");

        smtp.Throttle(false);
        await smtp.WaitForAsync(5, TimeSpan.FromSeconds(30));
        var startedAt = DateTime.UtcNow;
        await Task.Delay(1500);
        smtp.Count.Should().Be(5, "five a minute");
        await organiser.GetAsync($"/missions/{mission}/outbox");
        organiser.LastHtml.Should().Contain("The mail server takes at most 5 emails a minute").And.NotContain("Sending is paused until");
        var expected = ExpectedAt().Match(organiser.LastHtml);
        expected.Success.Should().BeTrue(organiser.LastHtml);
        var at = DateTime.SpecifyKind(startedAt.Date + TimeSpan.Parse(expected.Groups[1].Value), DateTimeKind.Utc);
        at = at < startedAt.AddHours(-12) ? at.AddDays(1) : at; // the page gives the time of day only
        at.Should().BeOnOrAfter(startedAt.AddMinutes(1)).And.BeOnOrBefore(startedAt.AddMinutes(2.5),
            "5 went this minute, so 7 to go at 5 a minute take two more windows (the page gives whole minutes)");
        import.Imported.Should().Be(12);
    }

    private static async Task WaitUntilAsync(AppFactory app, Func<AppDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await app.QueryAsync(condition))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition did not become true in 30 s.");
    }

    [GeneratedRegex(@"Expected to finish at about (\d\d:\d\d) UTC")]
    private static partial Regex ExpectedAt();

}
