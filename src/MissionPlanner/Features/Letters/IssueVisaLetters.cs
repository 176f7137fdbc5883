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
/// Prints each approved letter as the organiser approved it (headless Chromium), keeps the PDF under the data directory,
/// and emails it to the delegate as an attachment; the letter, the email and the history entry are saved together, so a
/// crash prints it again rather than losing it, and one that fails does not hold up the others. Returns how many were issued.
/// </summary>
public sealed record IssueVisaLettersCommand : IRequest<int>;

public sealed class IssueVisaLettersHandler(
    AppDbContext db, PdfRenderer renderer, DataDirectory data, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks, TimeProvider clock,
    ILogger<IssueVisaLettersHandler> logger) : IRequestHandler<IssueVisaLettersCommand, int>
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
            if (letter.ApprovedHtml is null || person.Status != RegistrationStatus.Confirmed || person.ErasedAt is not null)
            {
                // The approved text went (the ID details were purged) or the person left after approval: back to the organisers.
                letter.Reopen();
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            try
            {
                await IssueAsync(letter, person, cancellationToken);
                issued++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One letter that cannot be printed (the browser is down) does not hold up the others; it is tried again next run.
                logger.LogError(ex, "Letter {LetterId} could not be printed; it stays approved and is tried again", letter.Id);
            }
        }

        return issued;
    }

    private async Task IssueAsync(VisaLetter letter, Registration person, CancellationToken ct)
    {
        var mission = await db.MissionAsync(letter.MissionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = await renderer.RenderAsync(letter.ApprovedHtml!, new PdfLayout(PageNumbers: false), ct);
        var file = LetterFiles.PathOf(mission.Id, letter.Id);
        await DataDirectory.WriteAtomicallyAsync(Path.Combine(data.EnsureFolder(Path.GetDirectoryName(file)!), Path.GetFileName(file)), pdf, ct);

        letter.Issue(file, now);
        var message = await outbox.EnqueueAsync("visa-letter", person.Email, person.Name,
            new EmailModels.VisaLetterDecision(person.Name, mission.Title, true, null, Letters.PageUrl(links, publicLinks, mission, person.Id)),
            mission.Id, null, ct);
        message.Attach(Letters.FileName(person), "application/pdf", pdf);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, person.Id, "letter issued", "system", $"emailed to {person.Email}", now));
        await db.SaveChangesAsync(ct);
    }
}
