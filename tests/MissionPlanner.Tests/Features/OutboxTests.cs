using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Messaging;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class OutboxTests
{
    private static Task<Slice> ArrangeAsync(DatabaseProvider provider, SmtpSink? smtp) =>
        Slice.CreateAsync(provider, smtp is null ? null : new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(),
            ["Email:StartTls"] = "false",
            ["Email:FromAddress"] = "mission@missionplanner.example",
            ["Email:FromName"] = "NL–UK Mission Team",
        });

    private static async Task<List<OutboxMessage>> EnqueueAsync(Slice app, params string[] recipients) =>
        await app.InScopeAsync(async sp =>
        {
            var writer = sp.GetRequiredService<OutboxWriter>();
            var messages = new List<OutboxMessage>();
            foreach (var to in recipients)
            {
                messages.Add(await writer.EnqueueAsync("sign-in-link", to, $"Délégué {to.Split('@')[0]}",
                    new EmailModels.SignInLink($"Délégué {to.Split('@')[0]}", $"https://mp.example/signin/link?token={to}", 30), null, "test", default));
            }

            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return messages;
        });

    private static Task<DispatchResult> DispatchAsync(Slice app) => app.SendAsync(new DispatchOutboxCommand());

    private static Task<List<OutboxMessage>> RowsAsync(Slice app) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.ToAddress).ToListAsync());

    [Theory, AllDatabases]
    public async Task Dispatch_DeliversBothPartsWithTheStableMessageId(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        var queued = await EnqueueAsync(app, "ann@example.org", "bob@example.org");

        var result = await DispatchAsync(app);

        result.Sent.Should().Be(2);
        var received = await smtp.WaitForAsync(2);
        var ann = received.Single(m => m.RcptTos.Contains("ann@example.org"));
        ann.MessageId.Should().Be(queued[0].MessageId);
        ann.Subject.Should().Be("Your MissionPlanner sign-in link");
        ann.From.Should().Be("NL–UK Mission Team <mission@missionplanner.example>");
        ann.To.Should().Be("Délégué ann <ann@example.org>");
        ann.ContentType.Should().Be("multipart/alternative");
        ann.Text.Should().Contain("Hello Délégué ann").And.Contain("https://mp.example/signin/link?token=ann@example.org");
        ann.Html.Should().Contain("<a href=\"https://mp.example/signin/link?token&#x3D;ann@example.org\"");
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.SentAt != null && m.Attempts == 1);
    }

    [Theory, AllDatabases]
    public async Task A550ForOneAddress_FailsThatMessageWithTheReason_AndDeliversTheRest(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, "ann@example.org", "reject-me@example.org", "bob@example.org");

        var result = await DispatchAsync(app);

        result.Should().BeEquivalentTo(new { Sent = 2, Failed = 1, Retrying = 0 });
        var rows = await RowsAsync(app);
        var rejected = rows.Single(m => m.ToAddress == "reject-me@example.org");
        rejected.Status.Should().Be(OutboxStatus.Failed);
        rejected.LastError.Should().Contain("SMTP 550").And.Contain("User unknown");
        rows.Where(m => m != rejected).Should().OnlyContain(m => m.Status == OutboxStatus.Sent);
        (await smtp.WaitForAsync(2)).SelectMany(m => m.RcptTos).Should().BeEquivalentTo(["ann@example.org", "bob@example.org"]);
    }

    [Theory, AllDatabases]
    public async Task WhileTheServerIsDown_MessagesWait_AndAllArriveOnceItIsBack(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await smtp.StopAsync();
        await EnqueueAsync(app, "ann@example.org", "bob@example.org", "cem@example.org");

        var down = await DispatchAsync(app);

        down.Should().BeEquivalentTo(new { Sent = 0, Retrying = 3, Failed = 0 });
        var waiting = await RowsAsync(app);
        waiting.Should().OnlyContain(m => m.Status == OutboxStatus.Queued && m.Attempts == 1 && m.LastError != null
                                          && m.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime);
        (await DispatchAsync(app)).Sent.Should().Be(0, "nothing is due before its retry time");

        await smtp.StartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var back = await DispatchAsync(app);

        back.Sent.Should().Be(3);
        var received = await smtp.WaitForAsync(3);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(3);
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 2);
    }

    [Theory, AllDatabases]
    public async Task TemporaryRefusals_BackOffExponentially_ThenGiveUpWithTheReason(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, "tempfail@example.org");
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DispatchAsync(app);
            var row = (await RowsAsync(app)).Single();
            if (row.Status == OutboxStatus.Failed)
            {
                break;
            }

            delays.Add(row.NextAttemptAt - app.Clock.GetUtcNow().UtcDateTime);
            app.Clock.Advance(row.NextAttemptAt - app.Clock.GetUtcNow().UtcDateTime);
        }

        var failed = (await RowsAsync(app)).Single();
        failed.Status.Should().Be(OutboxStatus.Failed);
        failed.Attempts.Should().Be(OutboxMessage.MaxAttempts);
        failed.LastError.Should().StartWith($"Gave up after {OutboxMessage.MaxAttempts} attempts").And.Contain("451");
        delays.Should().HaveCount(OutboxMessage.MaxAttempts - 1);
        delays[0].Should().BeCloseTo(TimeSpan.FromSeconds(22.5), TimeSpan.FromSeconds(7.5), "the first retry waits 15–30 s");
        delays[3].Should().BeGreaterThan(delays[0] * 3, "each retry waits about twice as long");
        smtp.Messages.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task AClaimLeftByADeadNode_IsRetried_ButAFreshClaimIsLeftAlone(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        var (stale, fresh) = (await EnqueueAsync(app, "stale@example.org"), await EnqueueAsync(app, "fresh@example.org"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.QueryAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == stale[0].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, now.AddMinutes(-10)).SetProperty(m => m.Attempts, 1));
            return await db.OutboxMessages.Where(m => m.Id == fresh[0].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, now.AddSeconds(-5)).SetProperty(m => m.Attempts, 1));
        });

        var result = await DispatchAsync(app);

        result.Should().BeEquivalentTo(new { Recovered = 1, Sent = 1 });
        (await smtp.WaitForAsync(1)).Single().RcptTos.Should().Equal("stale@example.org");
        (await RowsAsync(app)).Single(m => m.ToAddress == "fresh@example.org").Status.Should().Be(OutboxStatus.Sending);
    }

    [Theory, AllDatabases]
    public async Task TwoDispatchersAtOnce_SendEveryMessageExactlyOnce(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, Enumerable.Range(0, 120).Select(i => $"delegate{i:D3}@example.org").ToArray());

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => DispatchAsync(app))));

        results.Sum(r => r.Sent).Should().Be(120);
        var received = await smtp.WaitForAsync(120);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(120);
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 1);
    }

    [Fact]
    public async Task WithoutAnSmtpServer_MessagesAreWrittenToTheMailFolder()
    {
        await using var app = await ArrangeAsync(DatabaseProvider.Sqlite, smtp: null);
        await EnqueueAsync(app, "ann@example.org");

        (await DispatchAsync(app)).Sent.Should().Be(1);

        var folder = Path.Combine(app.Database.Directory, "mail");
        var files = Directory.GetFiles(folder, "*.eml");
        files.Should().ContainSingle();
        Directory.GetFiles(folder).Should().Equal(files, "the file is written under a temporary name and renamed, leaving nothing else behind");
        var eml = await MimeKit.MimeMessage.LoadAsync(files[0]);
        var row = (await RowsAsync(app)).Single();
        eml.MessageId.Should().Be(row.MessageId.Trim('<', '>'));
        eml.To.Mailboxes.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Délégué ann", Address = "ann@example.org" });
        eml.Body.Should().BeOfType<MimeKit.MultipartAlternative>();
        eml.HtmlBody.Should().Contain("Hello Délégué ann");
        row.Status.Should().Be(OutboxStatus.Sent);
    }

    [Theory, AllDatabases]
    public async Task LineBreaksInNamesAndSubjects_CannotInjectHeaders(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<OutboxWriter>().EnqueueAsync("sign-in-link", "ann@example.org", "Ann\r\nBcc: victim@example.org",
                new EmailModels.SignInLink("Ann\r\nBcc: victim@example.org", "https://mp.example/x", 30), null, null, default);
            return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        await DispatchAsync(app);

        var received = (await smtp.WaitForAsync(1)).Single();
        received.RcptTos.Should().Equal("ann@example.org");
        received.Headers.Keys.Should().NotContain(k => k.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        received.To.Should().Be("\"Ann Bcc: victim@example.org\" <ann@example.org>", "the name stays one quoted line");
    }
}
