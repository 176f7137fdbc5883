using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.Registrations;

internal static class PersonalData
{
    // A file for the person to read: letters stay letters (it is never embedded in a page).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<string> ExportAsync(AppDbContext db, PersonalDataProtector protector, Registration r, CancellationToken ct)
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
        // The links they were given (what each opens, until when, whether it was withdrawn, when it was last used); never the secret.
        List<Guid> subjects = [r.Id, .. r.InvitationId is { } invited ? [invited] : Array.Empty<Guid>(),
            .. await db.CeremonyPeople.AsNoTracking().Where(p => p.RegistrationId == r.Id).Select(p => p.Id).ToListAsync(ct)];
        var links = (await db.PersonalLinks.AsNoTracking().Where(l => subjects.Contains(l.SubjectId)).ToListAsync(ct))
            .OrderBy(l => l.CreatedAt)
            .Select(l => new { Purpose = l.Purpose.ToString(), l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.RevokedReason, l.LastUsedAt })
            .ToList();
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
                meetingProfile = new { topics = r.MeetingTopics, offers = r.MeetingOffers, seeks = r.MeetingSeeks, r.MeetingCap, r.MeetingPriority },
                Role = r.Role.ToString(),
                r.Dietary,
                r.Accessibility,
                travel = new { r.ArrivalAt, r.ArrivalBy, r.DepartureAt, r.DepartureBy, r.AccommodationNeeded, r.RoomSharing, r.EmergencyContact },
                answers,
                idDetails = RegistrationIntake.ReadIdDetails(r.IdDetails, protector),
                r.IdDetailsPurgedAt,
                Status = r.Status.ToString(),
                r.DecisionMessage,
                consents = new { processing = true, photos = r.ConsentPhotos, listing = r.ConsentListing, shareMeetingProfile = r.ShareProfile, at = r.ConsentedAt },
                r.CreatedAt,
                r.UpdatedAt,
                r.CancelledAt,
            },
            invitation,
            history,
            emails,
            links,
        }, Json);
    }
}

public sealed record AuditEntry(DateTime At, string Action, string Actor, string? Detail);

public sealed class IdDetailsRetentionJob(IServiceScopeFactory scopes, ILogger<IdDetailsRetentionJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("id-details-retention");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new PurgeExpiredIdDetailsCommand(), ct);
}
