using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Letters;

public sealed class VisaLettersJob(IServiceScopeFactory scopes, ILogger<VisaLettersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("visa-letters");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new IssueVisaLettersCommand(), ct);
}

/// <summary>
/// Prints each approved letter from the mission's template and the delegate's ID details (headless Chromium), keeps the
/// PDF under the data directory, and emails it to the delegate as an attachment; the letter, the email and the history
/// entry are saved together, so a crash prints it again rather than losing it. Returns how many were issued.
/// </summary>
public sealed record IssueVisaLettersCommand : IRequest<int>;

public sealed class IssueVisaLettersHandler(
    AppDbContext db, PdfRenderer renderer, DataDirectory data, PersonalDataProtector protector, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks,
    TimeProvider clock) : IRequestHandler<IssueVisaLettersCommand, int>
{
    public async Task<int> Handle(IssueVisaLettersCommand request, CancellationToken cancellationToken)
    {
        var ids = await db.VisaLetters.Where(l => l.Status == LetterStatus.Approved).OrderBy(l => l.DecidedAt).Select(l => l.Id).Take(20).ToListAsync(cancellationToken);
        var issued = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var letter = await db.VisaLetters.FirstAsync(l => l.Id == id, cancellationToken);
            var person = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == letter.RegistrationId, cancellationToken);
            var mission = await db.MissionAsync(letter.MissionId, cancellationToken);
            var details = RegistrationIntake.ReadIdDetails(person.IdDetails, protector);
            if (details is null || Letters.Missing(details).Count > 0 || person.Status != RegistrationStatus.Confirmed)
            {
                // The details went (purged, erased) or the person left after approval: back to the organisers.
                letter.Reopen();
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var template = await Letters.TemplateAsync(db, mission.Id, cancellationToken);
            var html = Letters.Html(template, mission, template.Fill(await Letters.ValuesAsync(db, mission, person, details, cancellationToken)), now);
            var pdf = await renderer.RenderAsync(html, new PdfLayout(PageNumbers: false), cancellationToken);
            var file = LetterFiles.PathOf(mission.Id, letter.Id);
            var path = Path.Combine(data.EnsureFolder(Path.GetDirectoryName(file)!), Path.GetFileName(file));
            var temp = path + ".tmp";
            await File.WriteAllBytesAsync(temp, pdf, cancellationToken);
            File.Move(temp, path, overwrite: true);

            letter.Issue(file, now);
            var message = await outbox.EnqueueAsync("visa-letter", person.Email, person.Name,
                new EmailModels.VisaLetterDecision(person.Name, mission.Title, true, null, Letters.PageUrl(links, publicLinks, mission, person.Id)),
                mission.Id, null, cancellationToken);
            message.Attach(Letters.FileName(person), "application/pdf", pdf);
            db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, person.Id, "letter issued", "system", $"emailed to {person.Email}", now));
            await db.SaveChangesAsync(cancellationToken);
            issued++;
        }

        return issued;
    }
}
