using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.Registration;

/// <summary>Everything the mission holds about one person, as JSON: their registration, invitation, history and emails.</summary>
public sealed record ExportPersonalDataQuery(string Token) : IRequest<string>;

public sealed class ExportPersonalDataHandler(AppDbContext db, PersonalDataProtector protector) : IRequestHandler<ExportPersonalDataQuery, string>
{
    public async Task<string> Handle(ExportPersonalDataQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken);
        return await PersonalData.ExportAsync(db, protector, registration, cancellationToken);
    }
}

/// <summary>The same export, for an organiser answering a person's request.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ExportPersonForOrganiserQuery(Guid MissionId, Guid RegistrationId) : IRequest<string>, IMissionRequest;

public sealed class ExportPersonForOrganiserHandler(AppDbContext db, PersonalDataProtector protector) : IRequestHandler<ExportPersonForOrganiserQuery, string>
{
    public async Task<string> Handle(ExportPersonForOrganiserQuery request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        return await PersonalData.ExportAsync(db, protector, registration, cancellationToken);
    }
}

/// <summary>
/// Erases a person from the mission: their registration, invitation and emails are anonymised in
/// one transaction, so nothing names them any more; counts (a cancelled place, a sent email) stay.
/// A confirmed place that frees up goes to the next person waiting.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ErasePersonCommand(Guid MissionId, Guid RegistrationId) : IRequest<Unit>, IMissionRequest;

public sealed class ErasePersonHandler(AppDbContext db, TimeProvider clock, CurrentUser user) : IRequestHandler<ErasePersonCommand, Unit>
{
    public async Task<Unit> Handle(ErasePersonCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        var now = clock.GetUtcNow().UtcDateTime;
        var email = registration.Email;
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        registration.Erase(now);
        foreach (var invitation in await db.Invitations.Where(i => i.MissionId == request.MissionId && i.Email == email).ToListAsync(cancellationToken))
        {
            invitation.Erase(registration.Email);
        }

        foreach (var message in await db.OutboxMessages.Where(m => m.MissionId == request.MissionId && m.ToAddress == email).ToListAsync(cancellationToken))
        {
            message.Erase(registration.Email);
        }

        await db.RegistrationAudits.Where(a => a.RegistrationId == registration.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), cancellationToken);
        db.RegistrationAudits.Add(new RegistrationAudit(request.MissionId, registration.Id, "erased",
            user.IsSystem ? "system" : $"organiser {user.OrganiserId}", null, now));
        await db.SaveChangesAsync(cancellationToken);
        if (wasConfirmed)
        {
            // The promoted people are emailed by the next status change; erasure itself stays silent.
            await RegistrationPlaces.PromoteAsync(db, request.MissionId, freedOne: true, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class PersonalData
{
    // A file for the person to read: letters stay letters (it is never embedded in a page).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<string> ExportAsync(AppDbContext db, PersonalDataProtector protector, Domain.Registrations.Registration r, CancellationToken ct)
    {
        var questions = await RegistrationIntake.QuestionsAsync(db, r.MissionId, ct);
        var given = RegistrationIntake.ReadAnswers(r.Answers);
        var answers = questions.Where(q => given.ContainsKey(q.Id)).Select(q => new { question = q.Prompt, answer = given[q.Id] }).ToList();
        var mission = await db.Missions.AsNoTracking().Where(m => m.Id == r.MissionId).Select(m => new { m.Title, m.StartDate, m.EndDate }).FirstAsync(ct);
        var invitation = r.InvitationId is { } id
            ? await db.Invitations.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Email, i.Name, i.Organisation, i.Status, i.CreatedAt, i.RespondedAt, i.RemindersSent }).FirstOrDefaultAsync(ct)
            : null;
        var history = await db.RegistrationAudits.AsNoTracking().Where(a => a.RegistrationId == r.Id).OrderBy(a => a.At)
            .Select(a => new { a.At, a.Action, a.Actor }).ToListAsync(ct);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.MissionId == r.MissionId && m.ToAddress == r.Email).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.CreatedAt, m.Subject, m.Status, m.SentAt }).ToListAsync(ct);
        return JsonSerializer.Serialize(new
        {
            mission,
            registration = new
            {
                r.Name,
                r.Email,
                r.Phone,
                r.Organisation,
                Sector = r.Sector.ToString(),
                r.JobTitle,
                r.Bio,
                Role = r.Role.ToString(),
                r.Dietary,
                r.Accessibility,
                travel = new { r.ArrivalAt, r.ArrivalBy, r.DepartureAt, r.DepartureBy, r.AccommodationNeeded, r.EmergencyContact },
                answers,
                idDetails = RegistrationIntake.ReadIdDetails(r.IdDetails, protector),
                r.IdDetailsPurgedAt,
                Status = r.Status.ToString(),
                r.DecisionMessage,
                consents = new { processing = true, photos = r.ConsentPhotos, listing = r.ConsentListing, at = r.ConsentedAt },
                r.CreatedAt,
                r.UpdatedAt,
                r.CancelledAt,
            },
            invitation,
            history,
            emails,
        }, Json);
    }
}

public sealed record AuditEntry(DateTime At, string Action, string Actor, string? Detail);

/// <summary>Every change to one registration, oldest first.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetRegistrationHistoryQuery(Guid MissionId, Guid RegistrationId) : IRequest<IReadOnlyList<AuditEntry>>, IMissionRequest;

public sealed class GetRegistrationHistoryHandler(AppDbContext db) : IRequestHandler<GetRegistrationHistoryQuery, IReadOnlyList<AuditEntry>>
{
    public async Task<IReadOnlyList<AuditEntry>> Handle(GetRegistrationHistoryQuery request, CancellationToken cancellationToken) =>
        await db.RegistrationAudits.AsNoTracking()
            .Where(a => a.MissionId == request.MissionId && a.RegistrationId == request.RegistrationId)
            .OrderBy(a => a.At)
            .Select(a => new AuditEntry(a.At, a.Action, a.Actor, a.Detail))
            .ToListAsync(cancellationToken);
}

/// <summary>
/// The retention rule for ID details: they are deleted a configured number of days after the
/// mission's last day (Privacy:IdDetailsRetentionDays), each deletion in the person's history.
/// Runs as a job every hour; a mission's whole delegation is purged in one statement batch.
/// </summary>
public sealed record PurgeExpiredIdDetailsCommand : IRequest<int>;

public sealed class PurgeExpiredIdDetailsHandler(AppDbContext db, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<PurgeExpiredIdDetailsHandler> logger)
    : IRequestHandler<PurgeExpiredIdDetailsCommand, int>
{
    public async Task<int> Handle(PurgeExpiredIdDetailsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Missions.AsNoTracking()
            .Where(m => db.Registrations.Any(r => r.MissionId == m.Id && r.IdDetails != null))
            .ToListAsync(cancellationToken);
        var total = 0;
        foreach (var mission in candidates.Where(m => m.UtcWindow().To.AddDays(options.Value.IdDetailsRetentionDays) <= now))
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
            var holders = await db.Registrations.Where(r => r.MissionId == mission.Id && r.IdDetails != null).ToListAsync(cancellationToken);
            foreach (var registration in holders)
            {
                registration.PurgeIdDetails(now);
                db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "id-details-purged", "system",
                    $"{options.Value.IdDetailsRetentionDays} days after the mission", now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Purged ID details of {Count} people of mission {MissionId}", holders.Count, mission.Id);
            total += holders.Count;
        }

        return total;
    }
}

public sealed class IdDetailsRetentionJob(IServiceScopeFactory scopes, ILogger<IdDetailsRetentionJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("id-details-retention");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new PurgeExpiredIdDetailsCommand(), ct);
}
