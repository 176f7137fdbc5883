using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Ceremonies;

public sealed class CeremonyOptions
{
    public const string Section = "Ceremonies";

    /// <summary>Signatories and dignitaries who have not confirmed are reminded this often, at most ReminderLimit times.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(3);

    public int ReminderLimit { get; set; } = 3;
}

/// <summary>Emails every signatory and dignitary not yet asked (or still pending) a personal link to confirm attendance.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AskCeremonyConfirmationsCommand(Guid MissionId, Guid CeremonyId) : IRequest<int>, IMissionRequest;

public sealed class AskCeremonyConfirmationsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock)
    : IRequestHandler<AskCeremonyConfirmationsCommand, int>
{
    public async Task<int> Handle(AskCeremonyConfirmationsCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var people = (await db.CeremonyPeople.Where(p => p.CeremonyId == ceremony.Id && p.Email != null
                && (p.Confirmation == ConfirmationStatus.NotAsked || p.Confirmation == ConfirmationStatus.Pending)).ToListAsync(cancellationToken))
            .Where(p => p.NeedsConfirmation).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var person in people)
        {
            await CeremonyEmails.AskAsync(db, outbox, links, ceremony, person, person.Ask(now, reminder: false), false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return people.Count;
    }
}

/// <summary>
/// The automatic part: reminders to those who have not confirmed, and one email to the owner of
/// each task that is past its due day and not done.
/// </summary>
public sealed record SendCeremonyRemindersCommand : IRequest<(int Confirmations, int Tasks)>;

public sealed class SendCeremonyRemindersHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, IOptions<CeremonyOptions> options, TimeProvider clock)
    : IRequestHandler<SendCeremonyRemindersCommand, (int Confirmations, int Tasks)>
{
    public async Task<(int Confirmations, int Tasks)> Handle(SendCeremonyRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.ReminderInterval;
        var pending = await db.CeremonyPeople.Where(p => p.Confirmation == ConfirmationStatus.Pending && p.Email != null
            && p.Reminders < options.Value.ReminderLimit && (p.LastRemindedAt ?? p.AskedAt) <= due).ToListAsync(cancellationToken);
        var open = await db.CeremonyTasks.Where(t => !t.Done && t.RemindedAt == null).ToListAsync(cancellationToken);
        var ids = pending.Select(p => p.CeremonyId).Concat(open.Select(t => t.CeremonyId)).ToHashSet();
        var ceremonies = await db.Ceremonies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        // Each ceremony's item and mission once per run, however many people and tasks it has.
        var contexts = new Dictionary<Guid, (ProgrammeItem Item, Mission Mission)>();
        async Task<(Ceremony Ceremony, ProgrammeItem Item, Mission Mission)> ContextAsync(Guid id)
        {
            if (!contexts.TryGetValue(id, out var context))
            {
                contexts[id] = context = await CeremonyLookup.ItemAsync(db, ceremonies[id], cancellationToken);
            }

            return (ceremonies[id], context.Item, context.Mission);
        }

        var sent = 0;
        foreach (var person in pending)
        {
            var (ceremony, item, _) = await ContextAsync(person.CeremonyId);
            if (item.StartsAt <= now)
            {
                continue;
            }

            await CeremonyEmails.AskAsync(db, outbox, links, ceremony, person, person.Ask(now, reminder: true), true, cancellationToken);
            sent++;
        }

        var tasks = 0;
        foreach (var task in open)
        {
            var (_, item, mission) = await ContextAsync(task.CeremonyId);
            if (task.DueDate >= DateOnly.FromDateTime(MissionTime.ToLocal(now, mission.TimeZone)))
            {
                continue;
            }

            task.Reminded(now);
            await outbox.EnqueueAsync("ceremony-task-overdue", task.OwnerEmail, task.Owner,
                new EmailModels.CeremonyTaskOverdue(task.Owner, task.Title, item.Title, mission.Title,
                    task.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))), mission.Id, $"task-{task.Id:N}", cancellationToken);
            tasks++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, tasks);
    }
}

[DisallowConcurrentExecution]
public sealed class CeremonyRemindersJob(IServiceScopeFactory scopes, ILogger<CeremonyRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("ceremony-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendCeremonyRemindersCommand(), ct);
}

public sealed record CeremonyInvitation(
    string Name, string Role, string CeremonyTitle, string MissionTitle, DateTime StartsLocal, DateTime EndsLocal, string? Venue,
    ConfirmationStatus Confirmation, int? SigningPosition, DateTime? SigningLocal, IReadOnlyList<string> Agreements);

/// <summary>What a signatory or dignitary sees behind their link: when, where, their part.</summary>
public sealed record GetCeremonyInvitationQuery(string Token) : IRequest<CeremonyInvitation>;

public sealed class GetCeremonyInvitationHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetCeremonyInvitationQuery, CeremonyInvitation>
{
    public async Task<CeremonyInvitation> Handle(GetCeremonyInvitationQuery request, CancellationToken cancellationToken)
    {
        var (person, ceremony) = await CeremonyTokens.FindAsync(db, request.Token, clock, cancellationToken);
        var view = await CeremonyViews.BuildAsync(db, ceremony, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var position = view.SigningOrder.Select((p, i) => (p, i)).Where(x => x.p.Id == person.Id).Select(x => (int?)x.i + 1).FirstOrDefault();
        return new CeremonyInvitation(person.Name, Protocol.Words(person.Role), view.Title, view.MissionTitle, view.StartsLocal, view.EndsLocal, view.Venue,
            person.Confirmation, position, position is null ? null : SigningLine(view)?.StartsLocal, view.Agreements.Select(a => a.Title).ToList());
    }

    internal static LineView? SigningLine(CeremonyView view) => view.RunOfShow.FirstOrDefault(l => l.Title.StartsWith("Signing", StringComparison.OrdinalIgnoreCase));
}

public sealed record RespondToCeremonyCommand(string Token, bool Attending) : IRequest<Unit>;

public sealed class RespondToCeremonyHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RespondToCeremonyCommand, Unit>
{
    public async Task<Unit> Handle(RespondToCeremonyCommand request, CancellationToken cancellationToken)
    {
        var (person, _) = await CeremonyTokens.FindAsync(db, request.Token, clock, cancellationToken, tracked: true);
        person.Respond(request.Attending, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The three ceremony documents as PDFs: run of show, seating plan, and a briefing page per signatory.</summary>
public enum CeremonyDocumentKind
{
    RunOfShow,
    SeatingPlan,
    Briefings,
}

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetCeremonyPdfQuery(Guid MissionId, Guid CeremonyId, CeremonyDocumentKind Kind) : IRequest<byte[]>, IMissionRequest;

public sealed class GetCeremonyPdfHandler(IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetCeremonyPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetCeremonyPdfQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetCeremonyQuery(request.MissionId, request.CeremonyId), cancellationToken);
        var html = CeremonyDocuments.Html(view, request.Kind);
        return await renderer.RenderAsync(html, new PdfLayout(Header: $"{view.Title} · {request.Kind switch
        {
            CeremonyDocumentKind.RunOfShow => "run of show",
            CeremonyDocumentKind.SeatingPlan => "seating plan",
            _ => "signatory briefings",
        }}"), cancellationToken);
    }
}

public static class CeremonyDocuments
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Html(CeremonyView view, CeremonyDocumentKind kind)
    {
        var signing = GetCeremonyInvitationHandler.SigningLine(view);
        return DocumentTemplates.Render(kind switch
        {
            CeremonyDocumentKind.RunOfShow => "ceremony-run-of-show",
            CeremonyDocumentKind.SeatingPlan => "ceremony-seating",
            _ => "ceremony-briefings",
        }, new
        {
            view.Title,
            view.MissionTitle,
            When = $"{view.StartsLocal.ToString("dddd d MMMM yyyy, HH:mm", English)}–{view.EndsLocal:HH:mm}",
            Venue = view.Venue ?? "",
            Lines = view.RunOfShow.Select(l => new { From = l.StartsLocal.ToString("HH:mm", English), To = l.EndsLocal.ToString("HH:mm", English), l.Title, Owner = l.Owner ?? "" }).ToList(),
            Speakers = view.SpeakingOrder.Select(p => new { p.Name, Title = p.Title ?? "", p.Organisation }).ToList(),
            Convention = view.Convention == SeatingConvention.HostOnTheRight ? "host party on the right, as seen from the audience" : "host party on the left, as seen from the audience",
            Table = view.Table.Select(s => new { s.Position, s.Name, Party = s.Party ?? "" }).ToList(),
            Rows = view.FrontRows.Select((r, i) => new { Number = i + 1, Seats = r.Select(s => new { s.Position, s.Name, Title = s.Title ?? "", s.Organisation }).ToList() }).ToList(),
            Photo = view.PhotoLineUp.Select(p => p.Name).ToList(),
            Signatories = view.SigningOrder.Select((p, i) => new
            {
                p.Name,
                Title = p.Title ?? "",
                p.Organisation,
                Party = p.Party ?? "",
                Order = i + 1,
                Of = view.SigningOrder.Count,
                Seat = view.Table.FirstOrDefault(s => s.Name == p.Name)?.Position ?? 0,
                SigningAt = signing?.StartsLocal.ToString("HH:mm", English) ?? view.StartsLocal.ToString("HH:mm", English),
                Arrive = view.StartsLocal.AddMinutes(-15).ToString("HH:mm", English),
                Agreements = view.Agreements.Select(a => $"{a.Title} ({a.Languages}; {a.Originals} originals)").ToList(),
            }).ToList(),
        });
    }
}

internal static class CeremonyTokens
{
    public static async Task<(CeremonyPerson Person, Ceremony Ceremony)> FindAsync(AppDbContext db, string token, TimeProvider clock, CancellationToken ct, bool tracked = false)
    {
        var hash = SecretToken.HashPresented(token) ?? throw new NotFoundException("Invitation");
        var person = await (tracked ? db.CeremonyPeople : db.CeremonyPeople.AsNoTracking()).FirstOrDefaultAsync(p => p.TokenHash == hash, ct)
            ?? throw new NotFoundException("Invitation");
        var ceremony = await db.Ceremonies.AsNoTracking().FirstAsync(c => c.Id == person.CeremonyId, ct);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == ceremony.MissionId, ct);
        return clock.GetUtcNow().UtcDateTime > mission.LinksExpireAt ? throw new NotFoundException("Invitation") : (person, ceremony);
    }
}

internal static class CeremonyEmails
{
    public static async Task AskAsync(AppDbContext db, OutboxWriter outbox, PublicLinks links, Ceremony ceremony, CeremonyPerson person, string token, bool reminder,
        CancellationToken ct)
    {
        var (item, mission) = await CeremonyLookup.ItemAsync(db, ceremony, ct);
        var venue = item.VenueId is { } v ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var zone = mission.TimeZone;
        await outbox.EnqueueAsync("ceremony-confirmation", person.Email!, person.Name,
            new EmailModels.CeremonyConfirmation(person.Name, Protocol.Words(person.Role), item.Title, mission.Title,
                $"{MissionTime.ToLocal(item.StartsAt, zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}–{MissionTime.ToLocal(item.EndsAt, zone):HH:mm}",
                venue ?? PublicLinks.Where(mission), links.Ceremony(token), reminder),
            mission.Id, $"ceremony-{person.Id:N}-{(reminder ? $"reminder-{person.Reminders}" : "ask")}-{(reminder ? person.LastRemindedAt : person.AskedAt):yyyyMMddHHmmss}", ct);
    }
}
