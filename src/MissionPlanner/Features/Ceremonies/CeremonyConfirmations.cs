using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Ceremonies;

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

/// <summary>The three ceremony documents as PDFs: run of show, seating plan, and a briefing page per signatory.</summary>
public enum CeremonyDocumentKind
{
    RunOfShow,
    SeatingPlan,
    Briefings,
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
    public static async Task<(CeremonyPerson Person, Ceremony Ceremony)> FindAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct,
        bool tracked = false)
    {
        var link = await links.FindAsync(LinkPurpose.CeremonyConfirmation, token, ct);
        var person = await (tracked ? db.CeremonyPeople : db.CeremonyPeople.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == link.SubjectId, ct)
            ?? throw new NotFoundException("Invitation");
        return (person, await db.Ceremonies.AsNoTracking().FirstAsync(c => c.Id == person.CeremonyId, ct));
    }
}

internal static class CeremonyEmails
{
    /// <summary>Asks (or reminds) one person to confirm, with a new personal link; their earlier link stops working.</summary>
    public static async Task AskAsync(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, Ceremony ceremony,
        CeremonyPerson person, DateTime now, bool reminder, CancellationToken ct)
    {
        person.Asked(now, reminder);
        var (item, mission) = await CeremonyLookup.ItemAsync(db, ceremony, ct);
        var token = await personalLinks.IssueAsync(mission, LinkPurpose.CeremonyConfirmation, person.Id, ct);
        var venue = item.VenueId is { } v ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var zone = mission.TimeZone;
        await outbox.EnqueueAsync("ceremony-confirmation", person.Email!, person.Name,
            new EmailModels.CeremonyConfirmation(person.Name, Protocol.Words(person.Role), item.Title, mission.Title,
                $"{MissionTime.ToLocal(item.StartsAt, zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}–{MissionTime.ToLocal(item.EndsAt, zone):HH:mm}",
                venue ?? PublicLinks.Where(mission), links.Ceremony(token), reminder),
            mission.Id, $"ceremony-{person.Id:N}-{(reminder ? $"reminder-{person.Reminders}" : "ask")}-{(reminder ? person.LastRemindedAt : person.AskedAt):yyyyMMddHHmmss}", ct);
    }
}
