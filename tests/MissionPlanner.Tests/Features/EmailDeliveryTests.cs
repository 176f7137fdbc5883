using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Messaging;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Email through MailKit to a real aiosmtpd: international addresses, names as typed, TLS, throttling and sending rates.</summary>
public sealed class EmailDeliveryTests
{
    private static Task<Slice> ArrangeAsync(DatabaseProvider provider, SmtpSink smtp, string security = "None", IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = security == "None" ? "127.0.0.1" : "localhost",
            ["Email:SmtpPort"] = smtp.Port.ToString(),
            ["Email:Security"] = security,
            ["Email:FromAddress"] = "mission@missionplanner.example",
            ["Email:FromName"] = "NL–UK Mission Team",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Slice.CreateAsync(provider, settings);
    }

    private static async Task EnqueueAsync(Slice app, params (string Address, string Name)[] recipients) =>
        await app.InScopeAsync(async sp =>
        {
            var writer = sp.GetRequiredService<OutboxWriter>();
            foreach (var (address, name) in recipients)
            {
                await writer.EnqueueAsync("sign-in-link", address, name, new EmailModels.SignInLink(name, "https://mp.example/signin/link?token=x", 30), null, "test", default);
            }

            return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    private static Task<List<OutboxMessage>> RowsAsync(Slice app) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.ToAddress).ToListAsync());

    [Theory, AllDatabases]
    public async Task ADelegationCsvWithAnAccentedAddressAndAnInvisibleCharacter_IsImportedAndDelivered(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp, more: new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://mp.example" });
        var start = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(3)));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        var csv = "email;name;organisation;sector\r\n"
                  + "Zoë.O@Example.org;\"O'Brien, Zoë \"\"Zo\"\"\";Universiteit Twente;academia\r\n"
                  + "\u200Bzw.person@example.org\u200B;Zhang Wei 张伟;Huawei NL;industry\r\n"
                  + "ann@bücher.example;Ann Bücher;Bücher GmbH;start-up\r\n";

        var result = await app.SendAsync(new ImportDelegatesCommand(csv) { MissionId = mission });

        result.Errors.Should().BeEmpty();
        result.Imported.Should().Be(3);
        (await app.QueryAsync(db => db.Registrations.Select(r => r.Email).OrderBy(e => e).ToListAsync()))
            .Should().Equal("ann@bücher.example", "zoë.o@example.org", "zw.person@example.org");
        var dispatched = await app.SendAsync(new DispatchOutboxCommand());
        dispatched.Should().BeEquivalentTo(new { Sent = 3, Failed = 0, Retrying = 0 });
        var received = await smtp.WaitForAsync(3);
        received.SelectMany(m => m.RcptTos).Should().BeEquivalentTo(["zoë.o@example.org", "zw.person@example.org", "ann@bücher.example"]);
        var zoe = received.Single(m => m.RcptTos.Contains("zoë.o@example.org"));
        zoe.MailOptions.Should().Contain("SMTPUTF8", "the server offers SMTPUTF8 and the address needs it");
        zoe.Strict.Error.Should().BeNull();
        zoe.Strict.To.Should().Equal(new ReceivedMailbox("O'Brien, Zoë \"Zo\"", "zoë.o@example.org"));
        var calendar = zoe.Attachments.Should().ContainSingle(a => a.Filename == "programme.ics" && a.ContentType == "text/calendar").Subject;
        calendar.ContentTypeHeader.Should().MatchRegex("method=\"?PUBLISH\"?").And.MatchRegex("charset=\"?utf-8\"?");
        calendar.Content.Should().StartWith("BEGIN:VCALENDAR").And.Contain("Bilateral symposium");
    }

    [Theory, AllDatabases]
    public async Task WithoutSmtpUtf8_AnAccentedAddressFailsAtOnceWithAReason_AUnicodeDomainGoesAsPunycode_AndTheRestArrive(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(SmtpUtf8: false));
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, ("zoë.o@example.org", "Zoë O"), ("ann@bücher.example", "Ann Bücher"), ("bob@example.org", "Bob"));

        var result = await app.SendAsync(new DispatchOutboxCommand());

        result.Should().BeEquivalentTo(new { Sent = 2, Failed = 1, Retrying = 0 });
        var zoe = (await RowsAsync(app)).Single(m => m.ToAddress == "zoë.o@example.org");
        zoe.Status.Should().Be(OutboxStatus.Failed);
        zoe.Attempts.Should().Be(1, "it fails at once instead of waiting for retries that cannot succeed");
        zoe.LastError.Should().Contain("does not accept addresses with accents").And.Contain("ask for another address than zoë.o@example.org");
        var received = await smtp.WaitForAsync(2);
        received.SelectMany(m => m.RcptTos).Should().BeEquivalentTo(["ann@xn--bcher-kva.example", "bob@example.org"]);
        received.Should().OnlyContain(m => !m.MailOptions.Contains("SMTPUTF8"));
        received.Single(m => m.RcptTos.Contains("ann@xn--bcher-kva.example")).Strict.To.Single().Name.Should().Be("Ann Bücher");
    }

    public static TheoryData<DatabaseProvider, bool> ProvidersAndUtf8 => new()
    {
        { DatabaseProvider.Sqlite, true }, { DatabaseProvider.Sqlite, false }, { DatabaseProvider.Postgres, true }, { DatabaseProvider.Postgres, false },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndUtf8))]
    public async Task DisplayNames_AreReadBackByPythonsStrictParser_AsOneAddressWithTheNameAsTyped(DatabaseProvider provider, bool smtpUtf8)
    {
        string[] names =
        [
            "Ann \"the Boss\" de Vries", @"Back\slash Person", "Müller, Zoë", "O'Neil, Seán (TU/e)", "張偉", "Иван Петров", "محمد عبد الله",
            "Ελένη Παπαδοπούλου", "a; b <c@d.e>", "Zoë \"Zo\" O'Brien-Ó Súilleabháin",
        ];
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(SmtpUtf8: smtpUtf8));
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, names.Select((n, i) => ($"person{i:D2}@example.org", n)).ToArray());

        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(names.Length);

        var received = await smtp.WaitForAsync(names.Length);
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var message = received.Single(m => m.RcptTos.Contains($"person{i:D2}@example.org"));
            message.Strict.Error.Should().BeNull($"'{name}' must not make the header defective");
            message.Strict.To.Should().Equal([new ReceivedMailbox(name.Trim(), $"person{i:D2}@example.org")], $"'{name}' goes out as typed");
            message.Strict.From.Should().Equal(new ReceivedMailbox("NL–UK Mission Team", "mission@missionplanner.example"));
        }
    }

    public enum TrustCase
    {
        StartTlsWithPrivateCa,
        StartTlsWithPrivateCaAndIntermediate,
        ImplicitTlsWithSelfSigned,
    }

    public static TheoryData<DatabaseProvider, TrustCase> ProvidersAndTrust()
    {
        var data = new TheoryData<DatabaseProvider, TrustCase>();
        foreach (var provider in Providers.Each)
        {
            foreach (var trust in Enum.GetValues<TrustCase>())
            {
                data.Add(provider, trust);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndTrust))]
    public async Task Tls_WithTheCertificateOrItsCaNamedInTheSettings_Delivers(DatabaseProvider provider, TrustCase trust)
    {
        using var certificates = TestCertificates.Create();
        var (tls, served, security, trusted) = trust switch
        {
            TrustCase.StartTlsWithPrivateCa => (SinkTls.StartTls, certificates.Server, "StartTls", certificates.CaFile),
            TrustCase.StartTlsWithPrivateCaAndIntermediate => (SinkTls.StartTls, certificates.ViaIntermediate, "StartTls", certificates.CaFile),
            _ => (SinkTls.ImplicitTls, certificates.SelfSigned, "ImplicitTls", certificates.SelfSigned.CertificateFile),
        };
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(Tls: tls, Certificate: served));
        await using var app = await ArrangeAsync(provider, smtp, security, new Dictionary<string, string?> { ["Email:TrustedCertificateFile"] = trusted });
        await EnqueueAsync(app, ("ann@example.org", "Ann"));

        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(1);

        (await smtp.WaitForAsync(1)).Single().RcptTos.Should().Equal("ann@example.org");
    }

    [Theory, AllDatabases]
    public async Task AnUntrustedCertificate_PausesSendingWithAClearReason_AndNothingIsSent(DatabaseProvider provider)
    {
        using var certificates = TestCertificates.Create();
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(Tls: SinkTls.StartTls, Certificate: certificates.Server));
        await using var app = await ArrangeAsync(provider, smtp, "StartTls");
        await EnqueueAsync(app, ("ann@example.org", "Ann"));

        var result = await app.SendAsync(new DispatchOutboxCommand());

        result.Should().BeEquivalentTo(new { Sent = 0, Failed = 0, Retrying = 0 }, "a setting to change is not a reason to fail every message one by one");
        result.PausedUntil.Should().NotBeNull();
        var row = (await RowsAsync(app)).Single();
        row.Should().BeEquivalentTo(new { Status = OutboxStatus.Queued, Attempts = 0 });
        row.LastError.Should().Contain($"The mail server localhost:{smtp.Port} was not trusted").And.Contain("Email:TrustedCertificateFile");
        (await app.QueryAsync(db => db.MailDispatchStates.AsNoTracking().SingleAsync())).PauseReason
            .Should().Contain("not signed by an authority this machine trusts").And.Contain("Email:TrustedCertificateFile");
        smtp.Messages.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task ASenderTheServerRefuses_PausesSendingWithTheSettingToChange_AndLosesNoMessage(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, Enumerable.Range(0, 4).Select(i => ($"delegate{i}@example.org", $"Delegate {i}")).ToArray());
        smtp.RefuseSender(true);

        var refused = await app.SendAsync(new DispatchOutboxCommand());

        refused.Should().BeEquivalentTo(new { Sent = 0, Failed = 0, Retrying = 0 });
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Queued && m.Attempts == 0);
        (await app.QueryAsync(db => db.MailDispatchStates.AsNoTracking().SingleAsync())).PauseReason
            .Should().Contain("refuses the sender mission@missionplanner.example (Email:FromAddress)").And.Contain("553");

        smtp.RefuseSender(false);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(4);
    }

    [Theory, AllDatabases]
    public async Task ACertificateForAnotherName_IsRefused_EvenWhenItsCaIsTrusted(DatabaseProvider provider)
    {
        using var certificates = TestCertificates.Create();
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(Tls: SinkTls.ImplicitTls, Certificate: certificates.OtherName));
        await using var app = await ArrangeAsync(provider, smtp, "ImplicitTls", new Dictionary<string, string?> { ["Email:TrustedCertificateFile"] = certificates.CaFile });
        await EnqueueAsync(app, ("ann@example.org", "Ann"));

        var result = await app.SendAsync(new DispatchOutboxCommand());

        result.PausedUntil.Should().NotBeNull();
        (await RowsAsync(app)).Single().LastError.Should().Contain("its certificate is for another name than 'localhost'");
        smtp.Messages.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task ServerSaysTooManyMessages_EveryNodePauses_WithoutSpendingAttempts_ThenAllArrive(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp);
        await EnqueueAsync(app, Enumerable.Range(0, 6).Select(i => ($"delegate{i}@example.org", $"Delegate {i}")).ToArray());
        smtp.Throttle(true);
        var start = app.Clock.GetUtcNow().UtcDateTime;

        var first = await app.SendAsync(new DispatchOutboxCommand());

        first.Should().BeEquivalentTo(new { Sent = 0, Failed = 0, Retrying = 0 });
        first.PausedUntil.Should().Be(start.AddMinutes(1));
        var rows = await RowsAsync(app);
        rows.Should().OnlyContain(m => m.Status == OutboxStatus.Queued && m.Attempts == 0);
        rows.Select(m => m.NextAttemptAt).Should().AllSatisfy(at => at.Should().BeCloseTo(start.AddMinutes(1), TimeSpan.FromMilliseconds(1)));
        rows.Count(m => m.LastError != null && m.LastError.Contains("421")).Should().Be(1, "only the message that met the reply carries it");
        var overview = await app.QueryAsync(db => db.MailDispatchStates.AsNoTracking().SingleAsync());
        overview.PauseReason.Should().Contain("421").And.Contain("Too many messages");

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        var during = await app.SendAsync(new DispatchOutboxCommand());
        during.Sent.Should().Be(0, "no node sends during the pause");
        during.PausedUntil.Should().BeCloseTo(start.AddMinutes(1), TimeSpan.FromMilliseconds(1));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await app.SendAsync(new DispatchOutboxCommand());
        second.PausedUntil.Should().BeCloseTo(start.AddMinutes(1 + 2), TimeSpan.FromMilliseconds(1), "a second throttling reply in a row doubles the pause");

        smtp.Throttle(false);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var last = await app.SendAsync(new DispatchOutboxCommand());

        last.Sent.Should().Be(6);
        (await smtp.WaitForAsync(6)).Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 1 && m.LastError == null);
        (await app.QueryAsync(db => db.MailDispatchStates.AsNoTracking().SingleAsync())).ConsecutiveThrottles.Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task MessagesPerMinute_HoldsForDispatchersRunningAtOnce_AndMessagesPerConnectionOpensNewOnes(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await ArrangeAsync(provider, smtp, more: new Dictionary<string, string?>
        {
            ["Email:MessagesPerMinute"] = "5",
            ["Email:MessagesPerConnection"] = "2",
        });
        await EnqueueAsync(app, Enumerable.Range(0, 12).Select(i => ($"delegate{i:D2}@example.org", $"Delegate {i}")).ToArray());

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => app.SendAsync(new DispatchOutboxCommand()))));

        concurrent.Sum(r => r.Sent).Should().Be(5, "five a minute, whichever dispatcher sends them");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(0, "the five went out less than a minute ago");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(5);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(2);

        var received = await smtp.WaitForAsync(12);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        received.GroupBy(m => m.PeerPort).Should().OnlyContain(connection => connection.Count() <= 2, "at most two messages per connection");
    }

    [Theory, AllDatabases]
    public async Task ABatch_GoesOverTwoConnectionsAtOnce_EachMessageOnce_AndEveryOutcomeRecorded(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync(delayMs: 5);
        await using var app = await ArrangeAsync(provider, smtp, more: new Dictionary<string, string?> { ["Email:BatchSize"] = "15" });
        await EnqueueAsync(app, Enumerable.Range(0, 40).Select(i => ($"delegate{i:D2}@example.org", $"Delegate {i}")).ToArray());

        var result = await app.SendAsync(new DispatchOutboxCommand());

        result.Should().BeEquivalentTo(new { Sent = 40, Failed = 0, Retrying = 0 });
        var received = await smtp.WaitForAsync(40);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(40);
        received.GroupBy(m => m.PeerPort).Should().HaveCount(2, "Email:Connections is 2 by default, kept for the whole run")
            .And.OnlyContain(connection => connection.Count() >= 5, "both connections carry a share of the messages");
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 1 && m.SentAt != null && m.ClaimToken == null);
    }

    [Theory, AllDatabases]
    public async Task AServerThatTakesOneConnection_GetsEveryMessageOverIt_WithoutAPause_AndIsNotAskedAgainForAWhile(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(DelayMs: 5, MaxConnections: 1));
        await using var app = await ArrangeAsync(provider, smtp, more: new Dictionary<string, string?> { ["Email:Connections"] = "3" });
        await EnqueueAsync(app, Enumerable.Range(0, 20).Select(i => ($"delegate{i:D2}@example.org", $"Delegate {i}")).ToArray());

        (await app.SendAsync(new DispatchOutboxCommand())).Should().BeEquivalentTo(new { Sent = 20, Failed = 0, Retrying = 0 });

        var received = await smtp.WaitForAsync(20);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        received.Select(m => m.PeerPort).Distinct().Should().HaveCount(1);
        smtp.RefusedConnections.Should().BeGreaterThanOrEqualTo(1, "a second connection was tried and refused with 421 too many connections");
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 1 && m.LastError == null,
            "a connection the server refuses gives its message to the open one instead of spending an attempt");
        (await app.QueryAsync(db => db.MailDispatchStates.AsNoTracking().SingleAsync())).PausedUntil.Should().BeNull("refusing a second connection is not a reason to stop");

        var refused = smtp.RefusedConnections;
        await EnqueueAsync(app, Enumerable.Range(20, 10).Select(i => ($"delegate{i:D2}@example.org", $"Delegate {i}")).ToArray());
        (await app.SendAsync(new DispatchOutboxCommand())).Sent.Should().Be(10);
        await smtp.WaitForAsync(30);
        smtp.RefusedConnections.Should().Be(refused, "for an hour the dispatcher opens only as many connections as the server took");
    }

    [Theory, AllDatabases]
    public async Task ThreeConnectionsToAServerThatTakesTwo_SendOverTwo_BatchAfterBatch_WithOneRefusal(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(DelayMs: 2, MaxConnections: 2));
        await using var app = await ArrangeAsync(provider, smtp, more: new Dictionary<string, string?>
        {
            ["Email:Connections"] = "3",
            ["Email:BatchSize"] = "10",
        });
        await EnqueueAsync(app, Enumerable.Range(0, 80).Select(i => ($"delegate{i:D2}@example.org", $"Delegate {i}")).ToArray());

        (await app.SendAsync(new DispatchOutboxCommand())).Should().BeEquivalentTo(new { Sent = 80, Failed = 0, Retrying = 0 });

        var received = await smtp.WaitForAsync(80);
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        smtp.RefusedConnections.Should().Be(1, "the third connection is refused once; the two the server took are remembered, and no idle one holds a slot");
        received.GroupBy(m => m.PeerPort).Should().HaveCount(2).And.OnlyContain(connection => connection.Count() >= 10, "both connections the server took carry the batches");
        (await RowsAsync(app)).Should().OnlyContain(m => m.Status == OutboxStatus.Sent && m.Attempts == 1 && m.LastError == null);
    }

    [Fact]
    public void ServerReplies_AreSortedIntoPermanentTemporaryAndSlowDown()
    {
        EmailTransport.Classify(550, "5.1.1 User unknown").Outcome.Should().Be(SendOutcome.Failed);
        EmailTransport.Classify(554, "5.7.1 Message rejected as spam").Outcome.Should().Be(SendOutcome.Failed);
        EmailTransport.Classify(451, "4.3.0 Mailbox temporarily unavailable").Outcome.Should().Be(SendOutcome.RetryLater);
        EmailTransport.Classify(421, "4.4.2 Connection dropped").Outcome.Should().Be(SendOutcome.RetryLater);
        EmailTransport.Classify(421, "4.7.0 Too many messages from your IP, slow down").Outcome.Should().Be(SendOutcome.Throttled);
        EmailTransport.Classify(421, "4.7.0 Too many concurrent SMTP connections").Outcome.Should().Be(SendOutcome.Throttled);
        EmailTransport.Classify(451, "4.7.1 Rate limited, try again later").Outcome.Should().Be(SendOutcome.Throttled);
        EmailTransport.Classify(421, "4.7.0 Try again later, closing connection").Outcome.Should().Be(SendOutcome.Throttled);
        EmailTransport.Classify(452, "4.5.3 Too many recipients").Outcome.Should().Be(SendOutcome.RetryLater);
        EmailTransport.Classify(452, "4.2.2 The email account that you tried to reach is over quota", recipientStage: true).Outcome.Should().Be(SendOutcome.RetryLater);
        EmailTransport.Classify(450, "4.7.1 Greylisted, try again later", recipientStage: true).Outcome.Should().Be(SendOutcome.RetryLater);
        EmailTransport.Classify(451, "4.7.1 Recipient receiving mail at a rate that prevents delivery", recipientStage: true).Outcome
            .Should().Be(SendOutcome.RetryLater, "a reply about one recipient spends that message's tries, not everybody's time");
        EmailTransport.Classify(550, "5.7.1 Daily sending quota exceeded").Outcome.Should().Be(SendOutcome.Failed, "a 5xx is permanent whatever it says");
    }

    [Fact]
    public void AnAttachmentNameWithFolders_IsRefused()
    {
        var message = new OutboxMessage(null, "t", "ann@example.org", "Ann", "S", "<p>x</p>", "x", "{}", null, DateTime.UtcNow, "example.org");
        foreach (var name in new[] { "../../etc/passwd", "a/b.ics", @"C:\x.ics", "..", "x\r\n.ics", "", new string('a', 101) })
        {
            FluentActions.Invoking(() => message.Attach(name, "text/calendar", "BEGIN:VCALENDAR"))
                .Should().Throw<MissionPlanner.Domain.Common.DomainException>().Which.Field.Should().Be("AttachmentName");
        }

        message.AttachmentName.Should().BeNull("a refused name leaves nothing attached");
        message.Attach("programme.ics", "text/calendar; method=PUBLISH", "BEGIN:VCALENDAR");
        message.AttachmentName.Should().Be("programme.ics");
    }
}
