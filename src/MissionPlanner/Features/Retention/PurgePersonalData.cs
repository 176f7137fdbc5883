using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Retention;

/// <summary>
/// Purges the personal data of every mission whose retention period is over (the job runs it
/// hourly): registrations keep status, sector, organisation and role but lose names, addresses,
/// phone numbers, answers, travel and ID details; invitations, emails, ceremony guests and
/// counterparts lose who they were; so do the free texts that may name people (meeting requests
/// and replies, meeting outcomes' next steps, hosts' contacts and messages, owners of follow-up
/// actions, ceremony tasks and run-of-show lines, programme contacts, B2B meeting items' titles);
/// every personal link stops working; audit details go; the mission's printed documents and its
/// emails in the pickup folder are deleted (a mission report printed before is printed again,
/// without names). The mission report's counts stay. One transaction per mission.
/// </summary>
public sealed record PurgePersonalDataCommand : IRequest<int>;

public sealed class PurgePersonalDataHandler(AppDbContext db, PersonalLinks links, IOptions<PrivacyOptions> options, TimeProvider clock,
    DataDirectory data, ILogger<PurgePersonalDataHandler> logger) : IRequestHandler<PurgePersonalDataCommand, int>
{
    public async Task<int> Handle(PurgePersonalDataCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var defaultDays = options.Value.PersonalDataRetentionDays;
        var candidates = await db.Missions.AsNoTracking().Where(m => m.PersonalDataPurgedAt == null).ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var id in candidates.Where(m => m.PurgeDueAt(defaultDays) <= now).Select(m => m.Id))
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
            var mission = await db.Missions.FirstAsync(m => m.Id == id, cancellationToken);
            if (mission.PersonalDataPurgedAt is not null)
            {
                continue;
            }

            var registrations = await db.Registrations.Where(r => r.MissionId == id && r.PurgedAt == null).ToListAsync(cancellationToken);
            registrations.ForEach(r => r.PurgePersonalData(now));
            var invitations = await db.Invitations.Where(i => i.MissionId == id).ToListAsync(cancellationToken);
            invitations.ForEach(i => i.Erase($"purged-{i.Id:N}@purged.invalid"));
            // Every email of the mission: erasing one person earlier left its pickup file behind.
            var messages = await db.OutboxMessages.Where(m => m.MissionId == id).ToListAsync(cancellationToken);
            messages.Where(m => !m.ToAddress.EndsWith(".invalid", StringComparison.Ordinal)).ToList().ForEach(m => m.Erase($"purged-{m.Id:N}@purged.invalid"));
            var guests = await (from p in db.CeremonyPeople join c in db.Ceremonies on p.CeremonyId equals c.Id where c.MissionId == id select p)
                .ToListAsync(cancellationToken);
            guests.ForEach(g => g.Erase());
            var counterparts = await db.Counterparts.Where(c => c.MissionId == id).ToListAsync(cancellationToken);
            counterparts.ForEach(c => c.PurgePersonalData(now));
            var hosts = await db.VisitHosts.Where(h => h.MissionId == id).Select(h => h.Id).ToListAsync(cancellationToken);
            await links.RevokeAsync(null, [.. registrations.Select(r => r.Id), .. invitations.Select(i => i.Id), .. guests.Select(g => g.Id),
                .. counterparts.Select(c => c.Id), .. hosts], "the mission's retention period ended", cancellationToken);
            await PurgeFreeTextsAsync(id, cancellationToken);
            // Nobody can be asked or reminded any more: open surveys close now, with the answers they have.
            await db.Surveys.Where(x => x.MissionId == id && x.Status == Domain.Surveys.SurveyStatus.Open && x.ClosesAt > now)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.ClosesAt, now), cancellationToken);
            await db.Surveys.Where(x => x.MissionId == id && x.Status == Domain.Surveys.SurveyStatus.Open)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.Status, Domain.Surveys.SurveyStatus.Closed).SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
            mission.PersonalDataPurged(now);
            await db.SaveChangesAsync(cancellationToken);
            DeleteFiles(id, messages.Select(m => m.Id).ToHashSet());
            await Documents.DocumentGeneration.RefreshReportAsync(db, id, "the personal data was purged", now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Purged the personal data of mission {MissionId}: {Registrations} registrations, {Messages} emails, {Counterparts} counterparts",
                id, registrations.Count, messages.Count, counterparts.Count);
            purged++;
        }

        return purged;
    }

    /// <summary>Texts people typed, or the app wrote, that may name someone; counts and times stay.</summary>
    private async Task PurgeFreeTextsAsync(Guid id, CancellationToken ct)
    {
        const string Purged = "(purged)";
        const string Placeholder = "purged@purged.invalid";
        await db.RegistrationAudits.Where(a => a.MissionId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), ct);
        await db.MeetingRequests.Where(r => r.MissionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Message, (string?)null).SetProperty(r => r.Reply, (string?)null), ct);
        await db.MeetingOutcomes.Where(o => o.MissionId == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.NextSteps, (string?)null), ct);
        // Flights, trains and times tell where a person was: the legs go (the manifest of a purged mission is empty).
        await db.TransferRuns.Where(r => db.TransferServices.Any(s => s.Id == r.ServiceId && s.MissionId == id)).ExecuteDeleteAsync(ct);
        await db.TravelLegs.Where(l => l.MissionId == id).ExecuteDeleteAsync(ct);
        await db.RoomAssignments.Where(a => a.MissionId == id).ExecuteDeleteAsync(ct);
        await db.VisaLetters.Where(l => l.MissionId == id).ExecuteDeleteAsync(ct);
        // Survey answers stay for the report's counts, with no name, no time and no text (as SurveyResponse.Anonymise).
        await db.SurveyAnswers.Where(a => a.Kind == Domain.Surveys.SurveyQuestionKind.Text && db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.MissionId == id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, (string?)null), ct);
        await db.SurveyResponses.Where(r => r.MissionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RegistrationId, (Guid?)null).SetProperty(r => r.SubmittedAt, (DateTime?)null), ct);
        await db.VisitHosts.Where(h => h.MissionId == id).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.ContactName, Purged).SetProperty(h => h.ContactEmail, Placeholder)
            .SetProperty(h => h.ContactPhone, (string?)null), ct);
        await db.Visits.Where(v => v.MissionId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.HostMessage, (string?)null), ct);
        await db.FollowUpActions.Where(a => a.MissionId == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Owner, Purged).SetProperty(a => a.OwnerEmail, Placeholder).SetProperty(a => a.Notes, (string?)null), ct);
        var ceremonies = db.Ceremonies.Where(c => c.MissionId == id).Select(c => c.Id);
        await db.CeremonyTasks.Where(t => ceremonies.Contains(t.CeremonyId)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Owner, Purged).SetProperty(t => t.OwnerEmail, Placeholder), ct);
        await db.RunOfShowLines.Where(l => ceremonies.Contains(l.CeremonyId)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), ct);
        await db.CeremonyAgreements.Where(a => ceremonies.Contains(a.CeremonyId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.BroughtBy, (string?)null), ct);
        await db.ProgrammeItems.Where(i => i.MissionId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Contact, (string?)null), ct);
        // A published B2B meeting's item is titled with the people who met.
        await db.ProgrammeItems.Where(i => i.MissionId == id && i.MeetingId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "B2B meeting").SetProperty(i => i.Description, ""), ct);
    }

    /// <summary>The mission's printed documents, and its emails in the pickup folder (named …-{message id}.eml).</summary>
    private void DeleteFiles(Guid missionId, HashSet<Guid> messages)
    {
        Letters.LetterFiles.DeleteMission(data, missionId);
        var documents = Path.Combine(data.Path, "documents", missionId.ToString("N"));
        if (Directory.Exists(documents))
        {
            Directory.Delete(documents, recursive: true);
        }

        Messaging.PickupCopies.Delete(data, messages);
    }
}
