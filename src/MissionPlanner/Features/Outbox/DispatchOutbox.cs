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

/// <summary>Sends the due messages of the outbox, batch after batch, until none is due.</summary>
public sealed record DispatchOutboxCommand(int? MaxBatches = null) : IRequest<DispatchResult>;

public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Recovered);

/// <summary>
/// Claims a batch (Queued → Sending, with this run's token) in one conditional update, so two
/// nodes never claim the same message; then sends over one SMTP connection and records each
/// outcome as soon as the server answers. If the process dies, only the message being handed to
/// the server at that moment can be sent again: its claim expires and it is retried.
/// </summary>
public sealed class DispatchOutboxHandler(AppDbContext db, TimeProvider clock, IOptions<EmailOptions> options,
    DataDirectory data, ILogger<DispatchOutboxHandler> logger) : IRequestHandler<DispatchOutboxCommand, DispatchResult>
{
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
        using var transport = new EmailTransport(options, data);
        for (var batch = 0; request.MaxBatches is null || batch < request.MaxBatches; batch++)
        {
            var claimed = await ClaimAsync(settings.BatchSize, cancellationToken);
            foreach (var message in claimed)
            {
                var result = await transport.SendAsync(message, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        message.Sent(at);
                        sent++;
                        break;
                    case SendOutcome.RetryLater:
                        message.RetryLater(result.Error!, at, Backoff(message.Attempts, settings));
                        if (message.Status == OutboxStatus.Failed)
                        {
                            failed++;
                        }
                        else
                        {
                            retrying++;
                        }

                        break;
                    default:
                        message.Fail(result.Error!);
                        failed++;
                        break;
                }

                // Recorded at once: a later crash must not resend what the server already accepted.
                await db.SaveChangesAsync(CancellationToken.None);
            }

            if (claimed.Count < settings.BatchSize)
            {
                break;
            }
        }

        return new DispatchResult(sent, retrying, failed, recovered);
    }

    private async Task<List<OutboxMessage>> ClaimAsync(int size, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(size)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid();
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return await db.OutboxMessages.Where(m => m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .ToListAsync(ct);
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
