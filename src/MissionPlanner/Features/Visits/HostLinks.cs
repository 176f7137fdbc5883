using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Visits;

public sealed class VisitOptions
{
    public const string Section = "Visits";

    /// <summary>Hosts who have not answered are reminded this often after the request.</summary>
    public TimeSpan HostReminderInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>At most this many reminders per host; organisers see who is still pending.</summary>
    public int HostReminderLimit { get; set; } = 3;
}

/// <summary>
/// Sends each host (or one host) an email with a personal link to confirm the visits it receives.
/// A new request replaces the host's previous link.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SendHostRequestsCommand(Guid MissionId, Guid? HostId = null) : IRequest<int>, IMissionRequest;

public sealed class SendHostRequestsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock)
    : IRequestHandler<SendHostRequestsCommand, int>
{
    public async Task<int> Handle(SendHostRequestsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var hosts = await db.VisitHosts.Where(h => h.MissionId == mission.Id && (request.HostId == null || h.Id == request.HostId)
                                                   && db.Visits.Any(v => v.HostId == h.Id && !v.Cancelled)).ToListAsync(cancellationToken);
        if (hosts.Count == 0)
        {
            throw new DomainException("HostId", request.HostId is null ? "No host has a visit to confirm yet." : "This host has no visit to confirm.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var host in hosts)
        {
            await HostEmails.RequestAsync(db, outbox, links, mission, host, host.IssueToken(now), false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hosts.Count;
    }
}

/// <summary>Reminds hosts that still have visits to answer, at the configured interval, up to the limit.</summary>
public sealed record SendHostRemindersCommand : IRequest<int>;

public sealed class SendHostRemindersHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, IOptions<VisitOptions> options, TimeProvider clock)
    : IRequestHandler<SendHostRemindersCommand, int>
{
    public async Task<int> Handle(SendHostRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.HostReminderInterval;
        var hosts = await db.VisitHosts
            .Where(h => h.LinkSentAt != null && h.Reminders < options.Value.HostReminderLimit && (h.LastRemindedAt ?? h.LinkSentAt) <= due
                        && db.Visits.Any(v => v.HostId == h.Id && !v.Cancelled && v.HostResponse == HostResponse.Pending))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var missionHosts in hosts.GroupBy(h => h.MissionId))
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionHosts.Key, cancellationToken);
            if (now > mission.LinksExpireAt || now > mission.UtcWindow().To)
            {
                continue;
            }

            foreach (var host in missionHosts)
            {
                // As with invitations, a reminder carries a fresh link: the first email may be lost.
                var token = host.Remind(now);
                await HostEmails.RequestAsync(db, outbox, links, mission, host, token, true, cancellationToken);
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}

[DisallowConcurrentExecution]
public sealed class HostRemindersJob(IServiceScopeFactory scopes, ILogger<HostRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("host-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendHostRemindersCommand(), ct);
}

public sealed record Visitor(string Name, string Organisation, string? JobTitle, DateTime StartsLocal, int Group)
{
    /// <summary>Only for screened visits.</summary>
    public Registration.IdDetails? Id { get; init; }
}

public sealed record HostVisitGroup(DateTime StartsLocal, DateTime EndsLocal, int Number, int Visitors);

public sealed record HostVisit(
    Guid Id, string Title, string Venue, int DurationMinutes, int MinGroupSize, int MaxGroupSize, int ParallelGroups, string Requirements,
    string Notes, IReadOnlyList<string> Windows, HostResponse Response, string? Message, IReadOnlyList<HostVisitGroup> Groups,
    IReadOnlyList<Visitor> Visitors, bool ScreensVisitors, DateTime? ScreeningDeadlineLocal);

public sealed record HostPage(string HostName, string ContactName, string MissionTitle, string Where, string When, bool Published, IReadOnlyList<HostVisit> Visits);

/// <summary>
/// What a host sees behind its personal link: its visits (not cancelled ones), the proposed groups
/// and their visitors. ID details appear only for visits that screen visitors, and only theirs.
/// </summary>
public sealed record GetHostPageQuery(string Token) : IRequest<HostPage>;

public sealed class GetHostPageHandler(AppDbContext db, PersonalDataProtector protector, TimeProvider clock) : IRequestHandler<GetHostPageQuery, HostPage>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<HostPage> Handle(GetHostPageQuery request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, request.Token, clock, cancellationToken);
        var visits = await HostTokens.VisitsAsync(db, host, null, cancellationToken);
        var venues = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == mission.Id, cancellationToken);
        var zone = mission.TimeZone;
        var result = new List<HostVisit>();
        foreach (var visit in visits)
        {
            var visitors = await VisitorsAsync(db, protector, mission, visit, cancellationToken);
            result.Add(new HostVisit(visit.Id, visit.Title, venues[visit.VenueId], visit.DurationMinutes, visit.MinGroupSize, visit.MaxGroupSize,
                visit.ParallelGroups, PublishVisitPlanHandler.Requirements(visit.Requirements), visit.Notes,
                visit.WindowList.Select(w => $"{MissionTime.ToLocal(w.Start, zone).ToString("dddd d MMMM, HH:mm", English)}–{MissionTime.ToLocal(w.End, zone):HH:mm}").ToList(),
                visit.HostResponse, visit.HostMessage,
                visit.Groups().Select(g => new HostVisitGroup(MissionTime.ToLocal(g.StartsAt, zone), MissionTime.ToLocal(g.EndsAt, zone), g.Number,
                    visitors.Count(v => v.StartsLocal == MissionTime.ToLocal(g.StartsAt, zone) && v.Group == g.Number))).Where(g => g.Visitors > 0).ToList(),
                visitors, visit.ScreensVisitors,
                visit.ScreeningClosesAt is { } closes ? MissionTime.ToLocal(closes, zone) : null));
        }

        return new HostPage(host.Name, host.ContactName, mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            plan?.PublishedAt is not null, result);
    }

    internal static async Task<List<Visitor>> VisitorsAsync(AppDbContext db, PersonalDataProtector protector, Mission mission, Visit visit, CancellationToken ct)
    {
        var rows = await (from a in db.VisitAssignments.AsNoTracking()
                          join r in db.Registrations.AsNoTracking() on a.RegistrationId equals r.Id
                          where a.VisitId == visit.Id && r.Status == RegistrationStatus.Confirmed
                          orderby a.StartsAt, a.GroupNumber, r.Name
                          select new { r.Name, r.Organisation, r.JobTitle, a.StartsAt, a.GroupNumber, r.IdDetails }).ToListAsync(ct);
        return rows.Select(r => new Visitor(r.Name, r.Organisation, r.JobTitle, MissionTime.ToLocal(r.StartsAt, mission.TimeZone), r.GroupNumber)
        {
            Id = visit.ScreensVisitors ? Registration.RegistrationIntake.ReadIdDetails(r.IdDetails, protector) : null,
        }).ToList();
    }
}

/// <summary>
/// The host answers for one visit: confirm, decline, or propose a change (another time in words, a
/// different group size). Anything but a confirmation reopens the visit's scheduling and tells the
/// participants placed on it.
/// </summary>
public sealed record RespondToVisitCommand(string Token, Guid VisitId, HostResponse Response, string? Message, int? MaxGroupSize = null) : IRequest<Unit>;

public sealed class RespondToVisitValidator : AbstractValidator<RespondToVisitCommand>
{
    public RespondToVisitValidator()
    {
        RuleFor(x => x.Response).IsInEnum().NotEqual(HostResponse.Pending).WithMessage("Choose confirm, decline or propose a change.");
        RuleFor(x => x.Message).MaximumLength(2000);
        RuleFor(x => x.Message).NotEmpty().When(x => x.Response == HostResponse.Declined)
            .WithMessage("Please tell the organisers why, so they can plan around it.");
        RuleFor(x => x.Message).NotEmpty().When(x => x.Response == HostResponse.ChangeProposed && x.MaxGroupSize is null)
            .WithMessage("Describe the change you propose (e.g. another time), or give a new group size.");
        RuleFor(x => x.MaxGroupSize).InclusiveBetween(1, 500);
    }
}

public sealed class RespondToVisitHandler(AppDbContext db, OutboxWriter outbox, TimeProvider clock) : IRequestHandler<RespondToVisitCommand, Unit>
{
    public async Task<Unit> Handle(RespondToVisitCommand request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, request.Token, clock, cancellationToken);
        var visit = (await HostTokens.VisitsAsync(db, host, request.VisitId, cancellationToken, tracked: true)).SingleOrDefault()
            ?? throw new NotFoundException("Visit");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        visit.Respond(request.Response, request.Message, now);
        if (request.Response == HostResponse.ChangeProposed && request.MaxGroupSize is { } size)
        {
            visit.ChangeGroupSize(size);
        }

        if (request.Response != HostResponse.Confirmed)
        {
            var affected = await (from a in db.VisitAssignments
                                  join r in db.Registrations on a.RegistrationId equals r.Id
                                  where a.VisitId == visit.Id && r.Status == RegistrationStatus.Confirmed
                                  select new { r.Name, r.Email }).Distinct().ToListAsync(cancellationToken);
            var change = request.Response == HostResponse.Declined
                ? "The host cannot receive this visit after all. The organisers will offer you another visit where they can."
                : "The host has asked to change this visit. The organisers will confirm your time; until then your programme may change.";
            foreach (var person in affected)
            {
                await outbox.EnqueueAsync("visit-update", person.Email, person.Name,
                    new EmailModels.VisitUpdate(person.Name, mission.Title, visit.Title, change), mission.Id, $"visit-{visit.Id:N}-{now:yyyyMMddHHmmss}", cancellationToken);
            }

            var plan = await VisitPlans.GetAsync(db, mission.Id, cancellationToken);
            plan.Unlock();
            plan.Changed();
            if (request.Response == HostResponse.Declined)
            {
                db.VisitAssignments.RemoveRange(await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(cancellationToken));
            }
            else
            {
                await VisitEditing.DropAssignmentsThatNoLongerFitAsync(db, visit, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record VisitorList(string MissionTitle, string HostName, string VisitTitle, string Venue, bool ScreensVisitors, IReadOnlyList<Visitor> Visitors)
{
    public byte[] Csv() => Common.Csv.Document(
        ScreensVisitors
            ? ["group starts", "group", "name", "organisation", "job title", "nationality", "ID or passport number", "date of birth"]
            : ["group starts", "group", "name", "organisation", "job title"],
        Visitors.Select(v => new[]
        {
            v.StartsLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), v.Group.ToString(CultureInfo.InvariantCulture), v.Name,
            v.Organisation, v.JobTitle,
        }.Concat(ScreensVisitors ? [v.Id?.Nationality, v.Id?.IdNumber, v.Id?.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [])));

    public string Html() => DocumentTemplates.Render("visitor-list", new
    {
        MissionTitle,
        HostName,
        VisitTitle,
        Venue,
        ScreensVisitors,
        Count = Visitors.Count,
        Groups = Visitors.GroupBy(v => (v.StartsLocal, v.Group)).Select(g => new
        {
            Label = $"{g.Key.StartsLocal.ToString("dddd d MMMM, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}{(Visitors.Any(v => v.Group > 1) ? $", group {g.Key.Group}" : "")}",
            Count = g.Count(),
            People = g.Select(v => new
            {
                v.Name,
                v.Organisation,
                v.JobTitle,
                v.Id?.Nationality,
                v.Id?.IdNumber,
                DateOfBirth = v.Id?.DateOfBirth.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            }).ToList(),
        }).ToList(),
    });
}

/// <summary>The visitor list of one of the host's visits, for its security desk (CSV and PDF).</summary>
public sealed record GetVisitorListQuery(string Token, Guid VisitId) : IRequest<VisitorList>;

public sealed class GetVisitorListHandler(AppDbContext db, PersonalDataProtector protector, TimeProvider clock) : IRequestHandler<GetVisitorListQuery, VisitorList>
{
    public async Task<VisitorList> Handle(GetVisitorListQuery request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, request.Token, clock, cancellationToken);
        var visit = (await HostTokens.VisitsAsync(db, host, request.VisitId, cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("Visit");
        var venue = await db.Venues.AsNoTracking().Where(v => v.Id == visit.VenueId).Select(v => v.Name).FirstAsync(cancellationToken);
        return new VisitorList(mission.Title, host.Name, visit.Title, venue, visit.ScreensVisitors,
            await GetHostPageHandler.VisitorsAsync(db, protector, mission, visit, cancellationToken));
    }
}

public sealed record GetVisitorListPdfQuery(string Token, Guid VisitId) : IRequest<byte[]>;

public sealed class GetVisitorListPdfHandler(IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetVisitorListPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetVisitorListPdfQuery request, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new GetVisitorListQuery(request.Token, request.VisitId), cancellationToken);
        return await renderer.RenderAsync(list.Html(), new PdfLayout(Header: $"{list.HostName} · {list.VisitTitle} · visitors"), cancellationToken);
    }
}

internal static class HostTokens
{
    /// <summary>The host behind a link; a wrong, replaced or expired link, or a host with nothing left to receive, is "not found".</summary>
    public static async Task<(VisitHost Host, Mission Mission)> FindAsync(AppDbContext db, string token, TimeProvider clock, CancellationToken ct)
    {
        var hash = SecretToken.HashPresented(token) ?? throw new NotFoundException("Host");
        var host = await db.VisitHosts.FirstOrDefaultAsync(h => h.TokenHash == hash, ct) ?? throw new NotFoundException("Host");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == host.MissionId, ct);
        if (clock.GetUtcNow().UtcDateTime > mission.LinksExpireAt || !await db.Visits.AnyAsync(v => v.HostId == host.Id && !v.Cancelled, ct))
        {
            throw new NotFoundException("Host");
        }

        return (host, mission);
    }

    public static Task<List<Visit>> VisitsAsync(AppDbContext db, VisitHost host, Guid? visitId, CancellationToken ct, bool tracked = false) =>
        (tracked ? db.Visits : db.Visits.AsNoTracking())
        .Where(v => v.HostId == host.Id && !v.Cancelled && (visitId == null || v.Id == visitId)).OrderBy(v => v.Title).ToListAsync(ct);
}

internal static class HostEmails
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task RequestAsync(AppDbContext db, OutboxWriter outbox, PublicLinks links, Mission mission, VisitHost host, string token,
        bool reminder, CancellationToken ct)
    {
        var visits = await HostTokens.VisitsAsync(db, host, null, ct);
        var zone = mission.TimeZone;
        var lines = visits.Select(v => $"{v.Title}: " + string.Join("; ", v.WindowList.Select(w =>
            $"{MissionTime.ToLocal(w.Start, zone).ToString("ddd d MMM HH:mm", English)}–{MissionTime.ToLocal(w.End, zone):HH:mm}"))).ToList();
        await outbox.EnqueueAsync("host-request", host.ContactEmail, host.ContactName,
            new EmailModels.HostRequest(host.ContactName, host.Name, mission.Title, PublicLinks.Where(mission),
                PublicLinks.Dates(mission.StartDate, mission.EndDate), lines, links.Host(token), reminder),
            mission.Id, $"host-{host.Id:N}-{(reminder ? $"reminder-{host.Reminders}" : host.LinkSentAt!.Value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture))}", ct);
    }
}
