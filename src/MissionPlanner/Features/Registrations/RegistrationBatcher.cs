using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>A checked registration, ready to be placed: everything that needs no lock is done.</summary>
internal sealed record RegistrationSubmission(
    Mission Mission, Guid? InvitationId, string Email, RegistrationDetails Details, string Answers, string? IdDetails, bool AwaitApproval);

/// <summary>
/// Group commit for registrations. Requests that arrive together are placed together: one
/// transaction per batch takes the mission's lock once, numbers the arrivals, decides the places in
/// order, and commits every registration with its audit entry and its email. Each request still
/// gets its own outcome, exactly as if it had been alone; capacity holds because all decisions for
/// a mission happen under its row lock (SQLite: the write lock; PostgreSQL: the row lock, across
/// nodes). A batch that fails is retried one registration at a time, so one bad registration
/// never takes others down with it.
/// </summary>
public sealed class RegistrationBatcher : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 200;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<RegistrationBatcher> logger;
    private readonly Task loop;

    public RegistrationBatcher(IServiceScopeFactory scopes, ILogger<RegistrationBatcher> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Places the registration. Not cancellable once queued: the outcome (committed or not) is
    /// always known to the caller, never left half-way.
    /// </summary>
    internal Task<RegisterResult> SubmitAsync(RegistrationSubmission submission)
    {
        var pending = new Pending(submission, new TaskCompletionSource<RegisterResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is shutting down; try again in a moment.");
        }

        return pending.Outcome.Task;
    }

    public void Dispose() => queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            foreach (var group in batch.GroupBy(p => p.Submission.Mission.Id))
            {
                await PlaceAsync([.. group]);
            }
        }
    }

    private async Task PlaceAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            var outcomes = await WriteAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "A batch of {Count} registrations failed; placing them one by one", batch.Count);
            foreach (var one in batch)
            {
                await PlaceAsync([one]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    private async Task<IReadOnlyList<RegisterResult>> WriteAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var outbox = services.GetRequiredService<OutboxWriter>();
        var links = services.GetRequiredService<PublicLinks>();
        var personalLinks = services.GetRequiredService<PersonalLinks>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var mission = batch[0].Submission.Mission;
        var ct = CancellationToken.None;

        var emails = batch.Select(p => p.Submission.Email).Distinct().ToList();
        await outbox.PrepareAsync("registration-status", mission.Id, ct);
        await using var transaction = await WriteTransaction.BeginAsync(db, ct);
        var known = new Dictionary<string, Registration>();
        await foreach (var registration in Known.For(db)(db, mission.Id, emails).WithCancellation(ct))
        {
            known[registration.Email] = registration;
        }

        // New people, and people who cancelled themselves and register again (RegistrationLifecycle): both get a new arrival number.
        var newcomers = batch.Select(p => p.Submission).Where(s => !known.TryGetValue(s.Email, out var r) || Returning(r)).DistinctBy(s => s.Email).ToList();
        var counters = await RegistrationPlaces.ReserveArrivalsAsync(db, mission.Id, newcomers.Count, ct);
        int? waiting = null; // counted once, when the first person of the batch joins the waitlist
        var arrival = counters.Sequence - newcomers.Count;
        var confirmed = 0;
        var invitationIds = newcomers.Where(n => n.InvitationId is not null).Select(n => n.InvitationId!.Value).ToList();
        var invitations = invitationIds.Count == 0 ? []
            : await db.Invitations.Where(i => invitationIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var outcomes = new Dictionary<string, RegisterResult>();
        var calendars = new Dictionary<Sector, string?>();
        foreach (var s in newcomers)
        {
            var returning = known.TryGetValue(s.Email, out var back) ? back : null;
            var registration = returning ?? new Registration(mission.Id, s.InvitationId, s.Email, ++arrival, now);
            if (returning is not null)
            {
                returning.Reopen(RegistrationAction.RegisterAgain, ++arrival, now);
            }

            RegistrationIntake.Apply(registration, s.Details, mission, s.Answers, s.IdDetails, now);
            if (s.AwaitApproval)
            {
                registration.AwaitApproval();
            }
            else
            {
                var place = counters.Capacity is null || counters.Confirmed + confirmed < counters.Capacity;
                confirmed += place ? 1 : 0;
                registration.Place(place);
            }

            var position = registration.Status == RegistrationStatus.Waitlisted
                ? (int)(waiting = 1 + (waiting ?? await Waiting.For(db)(db, mission.Id, ct)))
                : 0;
            string token;
            if (returning is null)
            {
                token = personalLinks.IssueFirst(mission, LinkPurpose.Registration, registration.Id);
                personalLinks.IssueFirstCalendar(mission, registration.Id);
                db.Registrations.Add(registration);
                if (s.InvitationId is { } invitationId && invitations.TryGetValue(invitationId, out var invitation))
                {
                    invitation.Respond(accept: true, now);
                }
            }
            else
            {
                // Their earlier link showed the cancellation; the new email carries a new one.
                token = await personalLinks.IssueAsync(mission, LinkPurpose.Registration, registration.Id, ct);
            }

            db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, returning is null ? "registered" : "registered-again",
                RegistrationCancellation.Participant, registration.Status.ToString(), now));
            // A returning person has a calendar history already: their programme is their own, with its revision.
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, registration, links.Registration(token), position, null, ct,
                returning is null ? calendars : null);
            known[s.Email] = registration;
            outcomes[s.Email] = new RegisterResult(registration.Status, position, false, token);
        }

        await RegistrationPlaces.AddConfirmedAsync(db, mission.Id, confirmed, ct);
        var results = new List<RegisterResult>();
        var resent = new HashSet<string>();
        foreach (var pending in batch)
        {
            var email = pending.Submission.Email;
            if (outcomes.Remove(email, out var outcome))
            {
                results.Add(outcome);
            }
            else
            {
                // Registered before (or earlier in this batch): their own address gets their link again, once.
                var existing = known[email];
                var position = existing.Status == RegistrationStatus.Waitlisted ? await RegistrationPlaces.WaitlistPositionAsync(db, existing, ct) : 0;
                if (resent.Add(email))
                {
                    var token = await personalLinks.IssueAsync(mission, LinkPurpose.Registration, existing.Id, ct);
                    await outbox.EnqueueAsync("registration-status", existing.Email, existing.Name,
                        RegistrationPlaces.Email(mission, existing, links.Registration(token), position), mission.Id, null, ct);
                    db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, existing.Id, "link-resent", "participant", "Registered again with the same email.", now));
                }

                results.Add(new RegisterResult(existing.Status, position, true, null));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    private static bool Returning(Registration registration) =>
        registration is { Status: RegistrationStatus.Cancelled, CancelledByParticipant: true, ErasedAt: null };

    // Compiled: each batch asks both, and translating them every time cost more than running them.
    private static readonly PerModel<Func<AppDbContext, Guid, List<string>, IAsyncEnumerable<Registration>>> Known = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid missionId, List<string> emails) =>
            db.Registrations.Where(r => r.MissionId == missionId && emails.Contains(r.Email))));

    private static readonly PerModel<Func<AppDbContext, Guid, CancellationToken, Task<int>>> Waiting = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid missionId, CancellationToken ct) =>
            db.Registrations.Count(r => r.MissionId == missionId && r.Status == RegistrationStatus.Waitlisted)));

    private sealed record Pending(RegistrationSubmission Submission, TaskCompletionSource<RegisterResult> Outcome);
}
