using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Letters;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Visa and support letters: requested by the delegate with their ID details, reviewed by an organiser, printed, emailed and audited.</summary>
public sealed class LetterTests
{
    [Theory, AllDatabases]
    public async Task A_letter_is_requested_with_ID_details_approved_printed_emailed_as_a_PDF_and_every_step_is_in_the_history(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var scenario = await Scenario.MissionAsync(provider, start, days: 3, title: "Innovation Mission to the UK");
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        var ann = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, ann, MissionRoleKind.Organiser);
        await scenario.InviteAsync(("ade@example.org", "Adéwálé Okonkwo"), ("lin@example.org", "Lin Wei"));
        await scenario.RegisterAllAsync();
        var ade = scenario.RegistrationTokens["Adéwálé Okonkwo"];

        // The template: an unknown placeholder is refused by name; the default wording reads as a letter.
        var template = await app.SendAsync(new GetLetterTemplateQuery(mission));
        template.Wording.Should().Contain("{passport}");
        var typo = () => app.SendAsync(new SetLetterTemplateCommand("Netherlands Enterprise Agency", "Dear {nme},", "Marieke de Groot", "Head of Mission",
            template.Version)
        { MissionId = mission });
        (await typo.Should().ThrowAsync<DomainException>()).Which.Message.Should().StartWith("{nme} is not a placeholder");
        var spaced = () => app.SendAsync(new SetLetterTemplateCommand("RVO", "Passport {passport number}, { name }.", "Marieke de Groot", "Head of Mission",
            template.Version)
        { MissionId = mission });
        (await spaced.Should().ThrowAsync<DomainException>()).Which.Message.Should().StartWith("{passport number}, { name } is not a placeholder");
        await app.SendAsync(new SetLetterTemplateCommand("Netherlands Enterprise Agency\nPrinses Beatrixlaan 2, The Hague\n+31 88 042 42 42",
            template.Wording, "Marieke de Groot", "Head of Mission", template.Version)
        { MissionId = mission });

        // Without ID details the request is refused, naming each one missing, and nothing is saved.
        var bare = () => app.SendAsync(new RequestMyVisaLetterCommand(ade, "UK visa application in Lagos"));
        (await bare.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).Should().Equal(
            ("Nationality", "The letter needs your nationality."), ("IdNumber", "The letter needs your passport number."),
            ("DateOfBirth", "The letter needs your date of birth."));
        var noBirthday = () => app.SendAsync(new RequestMyVisaLetterCommand(ade, null, "Nigerian", "A01234567"));
        (await noBirthday.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("DateOfBirth");
        var dashes = () => app.SendAsync(new RequestMyVisaLetterCommand(ade, null, "Nigerian", "----", new DateOnly(1984, 5, 2)));
        (await dashes.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("IdNumber");
        (await app.CountAsync<VisaLetter>()).Should().Be(0);

        await app.SendAsync(new RequestMyVisaLetterCommand(ade, "UK visa application in Lagos", "Nigerian", "a01234567", new DateOnly(1984, 5, 2)));
        (await app.SendAsync(new GetMyVisaLetterQuery(ade))).Should().BeEquivalentTo(new { Status = LetterStatus.Requested, Missing = Array.Empty<string>() },
            o => o.ExcludingMissingMembers());
        var waiting = (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single();
        waiting.Preview.Should().Contain("Adéwálé Okonkwo (TU Delft), a national of Nigerian, born on 2 May 1984, holder of passport A01234567")
            .And.Contain("Innovation Mission to the UK");

        // The delegate asks again while the organiser reads: approving what they read is refused, and they read again.
        (await app.SendAsync(new IssueVisaLettersCommand())).Should().Be(0, "nothing is printed before an organiser approves");
        await app.SendAsync(new RequestMyVisaLetterCommand(ade, "UK visa application in Abuja"));
        var unseen = () => app.SendAsync(new ApproveVisaLetterCommand(waiting.Version, waiting.Fingerprint) { MissionId = mission, LetterId = waiting.Id }, ann);
        await unseen.Should().ThrowAsync<DbUpdateConcurrencyException>();
        waiting = (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single();
        waiting.Purpose.Should().Be("UK visa application in Abuja");

        // The delegate changes their organisation on the registration page after the organiser read the letter: not approved unseen either.
        await app.SendAsync(new UpdateMyRegistrationCommand(ade, new RegistrationDetails("Adéwálé Okonkwo", "Innatera", Sector.StartUp, DelegationRole.Member, true)));
        var changed = () => app.SendAsync(new ApproveVisaLetterCommand(waiting.Version, waiting.Fingerprint) { MissionId = mission, LetterId = waiting.Id }, ann);
        (await changed.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Fingerprint");
        waiting = (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single();
        waiting.Preview.Should().Contain("Adéwálé Okonkwo (Innatera)");

        // Approved by an organiser, printed by the letter job as approved (a later change of the template does not reach it), emailed as a PDF.
        await app.SendAsync(new ApproveVisaLetterCommand(waiting.Version, waiting.Fingerprint) { MissionId = mission, LetterId = waiting.Id }, ann);
        var current = await app.SendAsync(new GetLetterTemplateQuery(mission), ann);
        await app.SendAsync(new SetLetterTemplateCommand("Another letterhead", current.Wording, "Someone else", "Deputy", current.Version) { MissionId = mission }, ann);
        var again = () => app.SendAsync(new ApproveVisaLetterCommand(waiting.Version + 1, waiting.Fingerprint) { MissionId = mission, LetterId = waiting.Id }, ann);
        (await again.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Status");
        (await app.SendAsync(new IssueVisaLettersCommand())).Should().Be(1);
        (await app.SendAsync(new IssueVisaLettersCommand())).Should().Be(0, "once");

        var pdf = await app.SendAsync(new GetMyVisaLetterFileQuery(ade));
        pdf.FileName.Should().Be("letter-adéwálé-okonkwo.pdf");
        var text = await DocumentTests.PdfText(pdf.Content);
        text.Should().Contain("Netherlands Enterprise Agency").And.Contain("A01234567").And.Contain("Adéwálé Okonkwo").And.Contain("Marieke de Groot")
            .And.Contain("Head of Mission").And.NotContain("Another letterhead");
        (await app.SendAsync(new GetVisaLetterFileQuery(mission, waiting.Id), ann)).Content.Should().Equal(pdf.Content);

        var email = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "visa-letter"));
        email.ToAddress.Should().Be("ade@example.org");
        var mime = MissionPlanner.Messaging.MimeMessages.Build(email, new MissionPlanner.Messaging.EmailOptions());
        var attachment = mime.Attachments.OfType<MimePart>().Single();
        (attachment.ContentType.MimeType, attachment.FileName).Should().Be(("application/pdf", "letter-adéwálé-okonkwo.pdf"));
        using (var copy = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(copy);
            copy.ToArray().Should().Equal(pdf.Content);
        }

        var history = await app.QueryAsync(db => db.RegistrationAudits.Where(a => a.RegistrationId == scenario.RegistrationIds["Adéwálé Okonkwo"])
            .OrderBy(a => a.At).Select(a => a.Action + " by " + a.Actor).ToListAsync());
        history.Should().ContainInOrder("letter requested by participant", "letter approved by organiser ann@example.org", "letter issued by system",
            "letter downloaded by participant", "letter downloaded by organiser ann@example.org");
        var change = () => app.SendAsync(new RequestMyVisaLetterCommand(ade, "another purpose"));
        (await change.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Status");

        // Declined with a reason, which the delegate is emailed; they correct their details and ask again.
        var lin = scenario.RegistrationTokens["Lin Wei"];
        await app.SendAsync(new RequestMyVisaLetterCommand(lin, null, "Chinese", "E12345678", new DateOnly(1990, 11, 30)));
        var linLetter = (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single(l => l.Name == "Lin Wei");
        var noReason = () => app.SendAsync(new DeclineVisaLetterCommand("") { MissionId = mission, LetterId = linLetter.Id }, ann);
        await noReason.Should().ThrowAsync<ValidationException>();
        await app.SendAsync(new DeclineVisaLetterCommand("The passport number does not match your passport copy.") { MissionId = mission, LetterId = linLetter.Id },
            ann);
        (await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "visa-letter" && m.ToAddress == "lin@example.org"))).TextBody
            .Should().Contain("The passport number does not match your passport copy.").And.Contain("/letter");
        await app.SendAsync(new RequestMyVisaLetterCommand(lin, null, IdNumber: "E87654321"));
        // Saving the registration form, which does not ask for ID details on this mission, keeps those given for the letter.
        await app.SendAsync(new UpdateMyRegistrationCommand(lin, new RegistrationDetails("Lin Wei", "TU Delft", Sector.Academia, DelegationRole.Member, true,
            Phone: "+86 138 0013 8000")));
        (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single(l => l.Name == "Lin Wei")
            .Should().BeEquivalentTo(new { Status = LetterStatus.Requested, DeclineReason = (string?)null }, o => o.ExcludingMissingMembers());
        (await app.SendAsync(new ListVisaLettersQuery(mission), ann)).Single(l => l.Name == "Lin Wei").Preview.Should().Contain("E87654321");

        // A viewer of the mission cannot read letters: they carry passport numbers.
        var viewer = await app.AddOrganiserAsync("viewer@example.org");
        await app.GrantAsync(mission, viewer, MissionRoleKind.Viewer);
        var peek = () => app.SendAsync(new ListVisaLettersQuery(mission), viewer);
        await peek.Should().ThrowAsync<ForbiddenException>();
    }

    [Theory, AllDatabases]
    public async Task When_ID_details_are_purged_after_the_mission_the_letters_and_their_email_copies_go_with_them(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await scenario.InviteAsync(1);
        await scenario.RegisterAllAsync();
        var token = scenario.RegistrationTokens["Person 0"];
        var unset = await app.SendAsync(new GetLetterTemplateQuery(mission));
        await app.SendAsync(new RequestMyVisaLetterCommand(token, null, "Indonesian", "B7654321", new DateOnly(1979, 1, 1)));
        var letter = (await app.SendAsync(new ListVisaLettersQuery(mission))).Single();
        var noLetterhead = () => app.SendAsync(new ApproveVisaLetterCommand(letter.Version, letter.Fingerprint) { MissionId = mission, LetterId = letter.Id });
        (await noLetterhead.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Template", "a letter without letterhead or signatory is not sent");
        await app.SendAsync(new SetLetterTemplateCommand("RVO", unset.Wording, "Marieke de Groot", "Head of Mission", unset.Version) { MissionId = mission });
        letter = (await app.SendAsync(new ListVisaLettersQuery(mission))).Single();
        await app.SendAsync(new ApproveVisaLetterCommand(letter.Version, letter.Fingerprint) { MissionId = mission, LetterId = letter.Id });
        await app.SendAsync(new IssueVisaLettersCommand());
        var data = app.Services.GetRequiredService<DataDirectory>();
        var file = await app.QueryAsync(db => db.VisaLetters.Select(l => l.File).SingleAsync());
        File.Exists(Path.Combine(data.Path, file!)).Should().BeTrue();

        // Without an SMTP server the email is kept in data/mail/ as the .eml that was sent, the letter attached.
        await app.SendAsync(new MissionPlanner.Features.Outbox.DispatchOutboxCommand());
        var sent = Directory.GetFiles(Path.Combine(data.Path, "mail"), "*.eml")
            .Where(f => MimeMessage.Load(f).Attachments.OfType<MimePart>().Any(a => a.ContentType.MimeType == "application/pdf")).ToList();
        sent.Should().ContainSingle();

        app.Clock.SetUtcNow(start.AddDays(40).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        (await app.SendAsync(new PurgeExpiredIdDetailsCommand())).Should().Be(1);

        File.Exists(Path.Combine(data.Path, file!)).Should().BeFalse();
        File.Exists(sent[0]).Should().BeFalse("the copy of the email carries the letter");
        (await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "visa-letter"))).AttachmentContent.Should().BeNull();
        (await app.QueryAsync(db => db.VisaLetters.SingleAsync())).ApprovedHtml.Should().BeNull("the approved text carries the passport number too");
        (await app.SendAsync(new GetMyVisaLetterQuery(token))).Should().BeEquivalentTo(new { Status = LetterStatus.Issued, HasFile = false },
            o => o.ExcludingMissingMembers());
        var gone = () => app.SendAsync(new GetMyVisaLetterFileQuery(token));
        await gone.Should().ThrowAsync<NotFoundException>();
    }
}
