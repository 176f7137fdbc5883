using System.Collections.Concurrent;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Outbox;

/// <summary>Sends the due messages of the outbox, batch after batch, until none is due (or a sending rate says wait).</summary>
public sealed record DispatchOutboxCommand(int? MaxBatches = null) : IRequest<DispatchResult>;

/// <param name="PausedUntil">Set when the mail server asked every sender to wait: no node sends before then.</param>
public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Recovered, DateTime? PausedUntil = null);

/// <summary>
/// Claims a batch (Queued → Sending, with this run's token) in one conditional update, so two
/// nodes never claim the same message; then sends it over up to <see cref="EmailOptions.Connections"/>
/// SMTP connections at once and records each outcome as soon as the server answers. If the process
/// dies, only the message each connection is handing to the server at that moment can be sent
/// again: its claim expires and it is retried.
/// Claims take turns across nodes on the shared <see cref="MailDispatchState"/> row, so the
/// configured messages per minute and per day count what every node sent; a throttling reply, or
/// a server that cannot be used as configured, pauses every node and hands the claimed messages
/// back without spending their attempts.
/// </summary>
public sealed class DispatchOutboxHandler(AppDbContext db, TimeProvider clock, IOptions<EmailOptions> options,
    DataDirectory data, ILogger<DispatchOutboxHandler> logger) : IRequestHandler<DispatchOutboxCommand, DispatchResult>
{
    // Connections a server refused beyond the first ones are not tried again for a while (per process and server).
    private static readonly ConcurrentDictionary<string, Refusal> Refused = new();

    private sealed record Refusal(int Connections, DateTime Until);

    // The run's one UPDATE for outcomes (see OutcomeStatement), prepared with the first claim.
    private OutcomeStatement? outcomes;

    public async Task<DispatchResult> Handle(DispatchOutboxCommand request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - settings.ClaimTimeout;
        var recovered = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.ClaimToken, (Guid?)null), cancellationToken);
        if (recovered > 0)
        {
            logger.LogWarning("Re-queued {Count} message(s) whose sender stopped before recording the outcome", recovered);
        }

        int sent = 0, retrying = 0, failed = 0;
        var pausesToReset = false;
        // Outcomes are written by one writer while the connections go on; each connection holds its next
        // message's end-of-data marker until its previous outcome has committed (see SendingLanes).
        var recorder = new OutcomeRecorder(WriteOutcomesAsync);
        var connections = new List<EmailTransport>();
        RelaxedCommits? commits = null;
        try
        {
            for (var batch = 0; request.MaxBatches is null || batch < request.MaxBatches; batch++)
            {
                var claim = await ClaimAsync(settings, cancellationToken);
                if (claim.PausedUntil is not null)
                {
                    return new DispatchResult(sent, retrying, failed, recovered, claim.PausedUntil);
                }

                var claimed = claim.Messages;
                if (claimed.Count == 0)
                {
                    break;
                }

                pausesToReset |= claim.PausesInARow > 0;
                commits ??= await RelaxedCommits.BeginAsync(db, cancellationToken);
                outcomes ??= await OutcomeStatement.PrepareAsync(db, cancellationToken);

                var lineup = new Lineup(claimed);
                var width = Math.Min(claimed.Count, ConnectionsToUse(settings));
                // Open connections become the first lanes; those beyond the width are closed, so they hold no slot at the server.
                connections.Sort((a, b) => b.IsConnected.CompareTo(a.IsConnected));
                foreach (var extra in connections.Skip(width).ToList())
                {
                    connections.Remove(extra);
                    await extra.DisposeAsync();
                }

                while (connections.Count < width)
                {
                    connections.Add(new EmailTransport(settings, data));
                }

                try
                {
                    await Task.WhenAll(Enumerable.Range(0, width).Select(lane => SendAsync(lane, connections, lineup, recorder, mayGiveBack: true, cancellationToken)));
                    // A message given back by a connection that could not open after the others had finished: an open one takes it.
                    while (lineup.Stop is null && lineup.HasWaiting)
                    {
                        await SendAsync(Math.Max(0, connections.FindIndex(c => c.IsConnected)), connections, lineup, recorder, mayGiveBack: false, cancellationToken);
                    }
                }
                finally
                {
                    await recorder.IdleAsync();
                }

                (sent, retrying, failed) = (sent + lineup.Sent, retrying + lineup.Retrying, failed + lineup.Failed);
                if (pausesToReset && lineup.Sent > 0)
                {
                    pausesToReset = false;
                    await db.MailDispatchStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveThrottles, 0), CancellationToken.None);
                }

                if (lineup.Stop is { } stop)
                {
                    var at = clock.GetUtcNow().UtcDateTime;
                    var until = await PauseAsync(stop.Error!, at, settings);
                    var unsent = lineup.Unsent();
                    for (var i = 0; i < unsent.Count; i++)
                    {
                        unsent[i].Postpone(until, i == 0 ? $"Waiting until {until:HH:mm:ss} UTC. {stop.Error}" : null);
                        await RecordAsync(unsent[i]);
                    }

                    logger.Log(stop.Outcome == SendOutcome.Throttled ? LogLevel.Warning : LogLevel.Error,
                        "Sending paused on every node until {Until:u}: {Reason}", until, stop.Error);
                    return new DispatchResult(sent, retrying, failed, recovered, until);
                }

                if (claimed.Count < claim.Size)
                {
                    break;
                }
            }
        }
        finally
        {
            try
            {
                foreach (var connection in connections)
                {
                    await connection.DisposeAsync();
                }
            }
            finally
            {
                if (outcomes is not null)
                {
                    await outcomes.DisposeAsync();
                    outcomes = null;
                }

                if (commits is not null)
                {
                    await commits.DisposeAsync();
                }
            }
        }

        return new DispatchResult(sent, retrying, failed, recovered);
    }

    private int ConnectionsToUse(EmailOptions settings)
    {
        if (settings.UsesPickupFolder)
        {
            return 1;
        }

        return Refused.TryGetValue(Server(settings), out var last) && last.Until > clock.GetUtcNow().UtcDateTime
            ? Math.Min(settings.Connections, last.Connections)
            : settings.Connections;
    }

    private static string Server(EmailOptions settings) => $"{settings.SmtpHost}:{settings.SmtpPort}";

    /// <summary>
    /// One connection's share of the batch: takes the next message until none is left or the batch
    /// stops. Connections after the first wait until the first has delivered a message (or ended).
    /// One that cannot open while another is open gives its message back and ends (when
    /// <paramref name="mayGiveBack"/>: not when it is the one left to send what was given back).
    /// </summary>
    private async Task SendAsync(int lane, List<EmailTransport> connections, Lineup lineup, OutcomeRecorder recorder, bool mayGiveBack, CancellationToken ct)
    {
        var transport = connections[lane];
        var recording = Task.CompletedTask;
        try
        {
            if (lane > 0 && !transport.IsConnected)
            {
                await lineup.Opened.Task.WaitAsync(ct);
            }

            while (lineup.TryTake(out var message))
            {
                var result = await transport.SendAsync(message, recording, ct);
                await recording;
                if (result.NoConnection && mayGiveBack && connections.Where((c, i) => i != lane).Any(c => c.IsConnected))
                {
                    // Another connection is open: it takes this message (no attempt spent) and this lane ends for the batch.
                    lineup.GiveBack(message);
                    if (result.RefusedByServer)
                    {
                        // The server said no to one more (e.g. 421 too many connections): as many as it has taken are used for an hour.
                        var taken = connections.Where((c, i) => i != lane).Count(c => c.IsConnected || c.IsConnecting);
                        var now = clock.GetUtcNow().UtcDateTime;
                        var refusal = Refused.AddOrUpdate(Server(options.Value), new Refusal(taken, now.AddHours(1)),
                            (_, before) => new Refusal(before.Until > now ? Math.Min(before.Connections, taken) : taken, now.AddHours(1)));
                        logger.LogWarning("The mail server refused connection {Connection} ({Reason}); sending over {Taken} connection(s) for the next hour. "
                                          + "Set Email:Connections to {Taken} if it allows no more.", lane + 1, result.Error, refusal.Connections, refusal.Connections);
                    }
                    else
                    {
                        logger.LogWarning("Connection {Connection} to the mail server could not be opened ({Reason}); the open one(s) send this batch", lane + 1, result.Error);
                    }

                    return;
                }

                var at = clock.GetUtcNow().UtcDateTime;
                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        message.Sent(at);
                        break;
                    case SendOutcome.Throttled or SendOutcome.ServerUnusable:
                        lineup.Halt(message, result);
                        return;
                    case SendOutcome.RetryLater:
                        message.RetryLater(result.Error!, at, Backoff(message.Attempts, options.Value));
                        break;
                    default:
                        message.Fail(result.Error!);
                        break;
                }

                lineup.Count(message);
                // Recorded at once (see above): a later crash must not resend what the server already accepted.
                recording = recorder.Record(message);
            }

            await recording;
        }
        catch
        {
            lineup.Abandon();
            // The outcome being written fails or not on its own; either way nobody else waits for it.
            _ = recording.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
        finally
        {
            if (lane == 0)
            {
                lineup.Opened.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Claims up to a batch of due messages, no more than the sending rates allow now. The shared
    /// state row is updated first, which makes concurrent claims (on any node) take turns, so each
    /// one counts the messages the others sent or are sending.
    /// </summary>
    private async Task<Claim> ClaimAsync(EmailOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var size = settings.BatchSize;
        // The dispatcher polls every few seconds on every node: while paused or with nothing due, reads are all it costs.
        var pausedUntil = await db.MailDispatchStates.AsNoTracking().Where(x => x.Id == MailDispatchState.SingletonId).Select(x => x.PausedUntil).FirstAsync(ct);
        if (pausedUntil > now)
        {
            return new Claim([], size, pausedUntil, 0);
        }

        if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now, ct))
        {
            return new Claim([], size, null, 0);
        }

        int pauses;
        List<Guid> claimedIds;
        await using (var transaction = await WriteTransaction.BeginAsync(db, ct))
        {
            await db.MailDispatchStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.Claims, x => x.Claims + 1), ct);
            var state = await db.MailDispatchStates.AsNoTracking().Where(x => x.Id == MailDispatchState.SingletonId)
                .Select(x => new { x.PausedUntil, x.ConsecutiveThrottles }).FirstAsync(ct);
            pauses = state.ConsecutiveThrottles;
            if (state.PausedUntil > now)
            {
                await transaction.CommitAsync(ct);
                return new Claim([], size, state.PausedUntil, pauses);
            }

            var used = await SendingRates.UsedAsync(db, settings.MessagesPerMinute, settings.MessagesPerDay, now, ct);
            size = Math.Min(size, SendingRates.Allowance(settings.MessagesPerMinute, settings.MessagesPerDay, used));
            var due = size == 0
                ? []
                : await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
                    .Select(m => m.Id)
                    .Take(size)
                    .ToListAsync(ct);
            if (due.Count > 0)
            {
                await db.OutboxMessages
                    .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Queued)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Status, OutboxStatus.Sending)
                        .SetProperty(m => m.ClaimToken, token)
                        .SetProperty(m => m.ClaimedAt, now)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            }

            await transaction.CommitAsync(ct);
            if (due.Count == 0)
            {
                return new Claim([], size, null, pauses);
            }

            // By key: the claim token has no index, and the outbox keeps every message sent (a scan grew with it).
            claimedIds = due;
        }

        var claimed = await db.OutboxMessages.AsNoTracking().Where(m => claimedIds.Contains(m.Id) && m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .ToListAsync(ct);
        claimed.ForEach(m => m.ClaimedBy = token);
        return new Claim(claimed, size, null, pauses);
    }

    /// <param name="Size">How many this claim could have taken (a batch, or less when a rate allowed less).</param>
    /// <param name="PausesInARow">Pauses since the last message that went through, to be reset by the next that does.</param>
    private sealed record Claim(List<OutboxMessage> Messages, int Size, DateTime? PausedUntil, int PausesInARow);

    /// <summary>
    /// Writes the delivery states the entity's own rules decided, one UPDATE of each claimed row
    /// (<see cref="OutcomeStatement"/>), in one transaction when several wait. The claimed rows are
    /// not tracked: change detection over a batch of rendered emails cost more per message than the
    /// SMTP exchange itself.
    /// </summary>
    private async Task WriteOutcomesAsync(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 1)
        {
            await RecordAsync(messages[0]);
            return;
        }

        await using var transaction = await WriteTransaction.BeginAsync(db, CancellationToken.None);
        foreach (var message in messages)
        {
            await RecordAsync(message);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private Task<int> RecordAsync(OutboxMessage message) => outcomes!.ExecuteAsync(message);

    private async Task<DateTime> PauseAsync(string reason, DateTime now, EmailOptions settings)
    {
        var state = await db.MailDispatchStates.SingleAsync(CancellationToken.None);
        var until = state.PausedUntil > now ? state.PausedUntil.Value : state.Pause(reason, now, settings.ThrottlePause, settings.MaxThrottlePause);
        await db.SaveChangesAsync(CancellationToken.None);
        return until;
    }

    /// <summary>Exponential backoff with full jitter, so retries from many messages do not arrive together.</summary>
    internal static TimeSpan Backoff(int attempts, EmailOptions settings)
    {
        var ceiling = Math.Min(settings.MaxRetryDelay.TotalSeconds, settings.FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}

/// <summary>Runs the dispatcher every few seconds; one run at a time across the whole cluster.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, ILogger<OutboxDispatchJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("outbox-dispatch");

    protected override async Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct)
    {
        var result = await mediator.Send(new DispatchOutboxCommand(), ct);
        if (result.Sent + result.Failed + result.Retrying > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {Failed} failed", result.Sent, result.Retrying, result.Failed);
        }
    }
}
