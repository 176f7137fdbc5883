using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>The organisers' own questions, ID details for screened visits, registration modes and decisions.</summary>
public sealed partial class RegistrationTests
{
    [Theory, AllDatabases]
    public async Task CustomQuestions_AreCheckedPerQuestion_StoredCanonically_AndExported(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 2, capacity: null);
        await using var _ = app;
        var lab = await app.SendAsync(new AddQuestionCommand("Which lab interests you most?", QuestionKind.SingleChoice, ["Cleanroom", "Deposition lab", "Measurement lab"], true) { MissionId = mission });
        var topics = await app.SendAsync(new AddQuestionCommand("Topics", QuestionKind.MultipleChoice, ["Memristors", "Spintronics", "Photonics"], false) { MissionId = mission });
        var dinner = await app.SendAsync(new AddQuestionCommand("Joining the dinner?", QuestionKind.YesNo, null, true) { MissionId = mission });
        var note = await app.SendAsync(new AddQuestionCommand("Anything else?", QuestionKind.Text, null, false) { MissionId = mission });
        var ghost = Guid.NewGuid();

        var bad = () => app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], Details() with
        {
            Answers = new() { [lab] = ["Basement"], [topics] = ["Memristors"], [ghost] = ["?"] },
        }));

        var errors = (await bad.Should().ThrowAsync<ValidationException>()).Which.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        errors.Keys.Should().BeEquivalentTo($"Details.Answers[{lab}]", $"Details.Answers[{dinner}]", $"Details.Answers[{ghost}]");
        errors[$"Details.Answers[{lab}]"].Should().Contain("'Basement' is not one of the options");
        errors[$"Details.Answers[{dinner}]"].Should().Contain("Please answer");
        (await app.CountAsync<Registration>()).Should().Be(0, "nothing is saved when an answer is wrong");

        var ann = await app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], Details() with
        {
            Answers = new() { [lab] = ["cleanroom"], [topics] = ["photonics", "Memristors"], [dinner] = ["Yes"], [note] = ["Arrive late, 10:30"] },
        }));

        var mine = await app.SendAsync(new GetMyRegistrationQuery(ann.Token!));
        mine.Answers[lab].Should().Equal("Cleanroom");
        mine.Answers[topics].Should().Equal(["Memristors", "Photonics"], "answers follow the organiser's spelling and order");
        mine.Answers[dinner].Should().Equal("yes");
        var csv = System.Text.Encoding.UTF8.GetString(await app.SendAsync(new ExportDelegationQuery(mission)));
        csv.Should().Contain("Which lab interests you most?,Topics,Joining the dinner?,Anything else?");
        csv.Should().Contain("Cleanroom,\"Memristors; Photonics\",yes,\"Arrive late, 10:30\"");

        var twoChoices = () => app.SendAsync(new UpdateMyRegistrationCommand(ann.Token!, Details() with
        {
            Answers = new() { [lab] = ["Cleanroom", "Deposition lab"], [dinner] = ["no"] },
        }));
        (await twoChoices.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().ErrorMessage.Should().Contain("Choose one option");
        var tooFew = () => app.SendAsync(new AddQuestionCommand("Pick", QuestionKind.SingleChoice, ["Only one"], false) { MissionId = mission });
        (await tooFew.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Options");
    }

    [Theory, AllDatabases]
    public async Task IdDetails_AreOnlyAskedForAScreenedVisit_EncryptedAtRest_AndPurgedAfterTheMission(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 3, capacity: null);
        await using var _ = app;
        var id = Details() with { Nationality = "Dutch", IdNumber = "NX4R72PK9", DateOfBirth = new DateOnly(1984, 5, 17) };

        var notAsked = () => app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], id));
        (await notAsked.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().ErrorMessage.Should().Contain("does not ask for ID details");

        var start = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(31);
        await app.SendAsync(new CreateProgrammeItemCommand("Secure lab visit", null, ProgrammeItemKind.LabTour,
            start.ToDateTime(new TimeOnly(10, 0)), start.ToDateTime(new TimeOnly(12, 0)), null, 6, true)
        { MissionId = mission, RequiresIdScreening = true });
        (await app.SendAsync(new GetRegistrationFormQuery(mission))).AsksIdDetails.Should().BeTrue();

        var missing = () => app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], Details()));
        (await missing.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName)
            .Should().BeEquivalentTo(["Details.Nationality", "Details.IdNumber", "Details.DateOfBirth"]);
        var malformed = () => app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], id with { IdNumber = "<script>" }));
        (await malformed.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be("Details.IdNumber");

        var ann = await app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], id));
        var stored = await app.QueryAsync(db => db.Registrations.Select(r => r.IdDetails).SingleAsync());
        stored.Should().StartWith("v1.").And.NotContain("NX4R72PK9").And.NotContain("Dutch").And.NotContain("1984");
        var raw = await app.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id_details FROM registrations";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        raw.Should().NotContain("NX4R72PK9", "the column holds ciphertext");

        await app.SendAsync(new UpdateMyRegistrationCommand(ann.Token!, Details("Ann van Dijk")));
        var export = JsonDocument.Parse(await app.SendAsync(new ExportPersonalDataQuery(ann.Token!))).RootElement.GetProperty("registration");
        export.GetProperty("name").GetString().Should().Be("Ann van Dijk");
        export.GetProperty("idDetails").GetProperty("idNumber").GetString().Should().Be("NX4R72PK9", "leaving the fields empty keeps the details on file");

        (await app.SendAsync(new PurgeExpiredIdDetailsCommand())).Should().Be(0, "the mission has not happened yet");
        app.Clock.Advance(TimeSpan.FromDays(31 + 4 + 30 + 1));
        (await app.SendAsync(new PurgeExpiredIdDetailsCommand())).Should().Be(1);
        (await app.QueryAsync(db => db.Registrations.Select(r => new { r.IdDetails, r.Name }).SingleAsync()))
            .Should().BeEquivalentTo(new { IdDetails = (string?)null, Name = "Ann van Dijk" }, "only the ID details go");
        (await app.QueryAsync(db => db.RegistrationAudits.CountAsync(a => a.Action == "id-details-purged"))).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task ApprovalMode_HoldsNoPlaceUntilApproved_AndADeclineSendsTheOrganisersMessage(DatabaseProvider provider)
    {
        var (app, mission, _) = await ArrangeAsync(provider, invitees: 0, capacity: 1);
        await using var _ = app;

        var closed = () => app.SendAsync(new RegisterOpenCommand(mission, "eve@example.org", Details("Eve")));
        await closed.Should().ThrowAsync<NotFoundException>("an invitation-only mission has no public registration");

        await app.SendAsync(new SetRegistrationModeCommand(RegistrationMode.ApprovalRequired) { MissionId = mission });
        var eve = await app.SendAsync(new RegisterOpenCommand(mission, "Eve@Example.org", Details("Eve")));
        var fay = await app.SendAsync(new RegisterOpenCommand(mission, "fay@example.org", Details("Fay")));
        var gus = await app.SendAsync(new RegisterOpenCommand(mission, "gus@example.org", Details("Gus")));
        new[] { eve, fay, gus }.Should().OnlyContain(r => r.Status == RegistrationStatus.Pending && r.Token == null, "the link only goes by email");
        (await app.QueryAsync(db => db.Missions.Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(0);
        var again = await app.SendAsync(new RegisterOpenCommand(mission, "eve@example.org", Details("Eve")));
        again.AlreadyRegistered.Should().BeTrue();
        (await app.CountAsync<Registration>()).Should().Be(3);

        var ids = await app.QueryAsync(db => db.Registrations.ToDictionaryAsync(r => r.Name, r => r.Id));
        (await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Approve) { MissionId = mission, RegistrationId = ids["Fay"] }))
            .Should().Be(RegistrationStatus.Confirmed);
        (await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Approve) { MissionId = mission, RegistrationId = ids["Gus"] }))
            .Should().Be(RegistrationStatus.Waitlisted, "approval gives a place only while there is one");
        var silent = () => app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Decline) { MissionId = mission, RegistrationId = ids["Eve"] });
        (await silent.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be("Message");
        await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Decline, "The delegation is limited to Dutch organisations.")
        { MissionId = mission, RegistrationId = ids["Eve"] });
        var twice = () => app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Approve) { MissionId = mission, RegistrationId = ids["Eve"] });
        (await twice.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("declined");

        var emails = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "eve@example.org").OrderBy(m => m.CreatedAt).ToListAsync());
        emails.Select(m => m.Subject).Should().Equal(
            "Registration received, awaiting approval: NL–UK mission", "Registration received, awaiting approval: NL–UK mission",
            "Your registration for NL–UK mission was not accepted");
        emails[^1].TextBody.Should().Contain("The delegation is limited to Dutch organisations.");
        var delegation = await app.SendAsync(new GetDelegationQuery(mission));
        delegation.Should().BeEquivalentTo(new { Confirmed = 1, Waitlisted = 1, Pending = 0 }, o => o.ExcludingMissingMembers());
    }

    [Theory, AllDatabases]
    public async Task Organisers_MovePeopleByHand_AndAFreedPlaceGoesToTheNextInLine(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 4, capacity: 2);
        await using var _ = app;
        foreach (var (email, name) in new[] { ("p000@example.org", "Ann"), ("p001@example.org", "Bob"), ("p002@example.org", "Cem"), ("p003@example.org", "Dan") })
        {
            await app.SendAsync(Register(tokens[email], name));
        }

        var ids = await app.QueryAsync(db => db.Registrations.ToDictionaryAsync(r => r.Name, r => r.Id));
        Task<RegistrationStatus> Decide(string name, RegistrationDecision decision) =>
            app.SendAsync(new DecideRegistrationCommand(decision) { MissionId = mission, RegistrationId = ids[name] });

        (await Decide("Dan", RegistrationDecision.Confirm)).Should().Be(RegistrationStatus.Confirmed, "organisers may go beyond capacity");
        (await Decide("Ann", RegistrationDecision.Waitlist)).Should().Be(RegistrationStatus.Waitlisted);
        (await Decide("Bob", RegistrationDecision.Waitlist)).Should().Be(RegistrationStatus.Waitlisted);
        var statuses = await app.QueryAsync(db => db.Registrations.ToDictionaryAsync(r => r.Name, r => r.Status));
        statuses.Should().BeEquivalentTo(new Dictionary<string, RegistrationStatus>
        {
            ["Ann"] = RegistrationStatus.Waitlisted,
            ["Bob"] = RegistrationStatus.Waitlisted,
            ["Cem"] = RegistrationStatus.Confirmed,
            ["Dan"] = RegistrationStatus.Confirmed,
        }, "three confirmed for two places: moving Ann out frees nothing; moving Bob out gives his place to Cem, first in line");
        (await app.QueryAsync(db => db.Missions.Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(2);
        (await app.SendAsync(Register(tokens["p000@example.org"], "Ann"))).Should().BeEquivalentTo(
            new { AlreadyRegistered = true, Status = RegistrationStatus.Waitlisted }, "registering again only re-sends the link");
        var wrong = () => Decide("Ann", RegistrationDecision.Waitlist);
        await wrong.Should().ThrowAsync<DomainException>();
    }

    [Fact]
    public void PersonalDataProtector_RoundTrips_NamesItsKey_AndReadsOldKeysAfterARotation()
    {
        using var dir = new TempDirectory();
        var oldKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
        var newKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(200 - i)).ToArray());
        PersonalDataProtector With(string key, params string[] previous) =>
            new(Microsoft.Extensions.Options.Options.Create(new PrivacyOptions { EncryptionKey = key, PreviousEncryptionKeys = [.. previous] }), new DataDirectory(dir.Path));

        var sealedValue = With(oldKey).Protect("passport NX4R72PK9");
        sealedValue.Should().NotContain("NX4R72PK9");
        With(oldKey).Protect("passport NX4R72PK9").Should().NotBe(sealedValue, "every value has its own nonce");
        With(newKey, oldKey).Unprotect(sealedValue).Should().Be("passport NX4R72PK9");
        var lost = () => With(newKey).Unprotect(sealedValue);
        lost.Should().Throw<System.Security.Cryptography.CryptographicException>().WithMessage("*Privacy:EncryptionKey*");
        var tampered = () => With(oldKey).Unprotect(sealedValue[..^6] + (sealedValue[^6] == 'A' ? 'B' : 'A') + sealedValue[^5..]);
        tampered.Should().Throw<System.Security.Cryptography.CryptographicException>();

        var generated = new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(new PrivacyOptions()), new DataDirectory(dir.Path));
        var value = generated.Protect("x");
        new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(new PrivacyOptions()), new DataDirectory(dir.Path)).Unprotect(value)
            .Should().Be("x", "a key created in the data directory is reused by the next process");
        File.Exists(Path.Combine(dir.Path, "keys", "personal-data.key")).Should().BeTrue();
    }
}
