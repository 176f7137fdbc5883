using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Documents;

/// <summary>The worker's side: takes the next waiting generation (or one whose worker died) and prints it.</summary>
public sealed record ProcessDocumentRunsCommand : IRequest<int>;

public sealed class ProcessDocumentRunsHandler(IServiceScopeFactory scopes, AppDbContext db, TimeProvider clock, ILogger<ProcessDocumentRunsHandler> logger)
    : IRequestHandler<ProcessDocumentRunsCommand, int>
{
    /// <summary>A running generation that made no progress for this long is taken over.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public async Task<int> Handle(ProcessDocumentRunsCommand request, CancellationToken cancellationToken)
    {
        var processed = 0;
        while (await ClaimAsync(cancellationToken) is { } runId)
        {
            await using var scope = scopes.CreateAsyncScope();
            var generation = ActivatorUtilities.CreateInstance<DocumentGeneration>(scope.ServiceProvider);
            try
            {
                await generation.RunAsync(runId, cancellationToken);
            }
            catch (Exception ex) when (ex is TemplateException or BrowserUnavailableException)
            {
                logger.LogError(ex, "Document generation {Run} failed", runId);
                await db.DocumentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, DocumentRunStatus.Failed)
                    .SetProperty(r => r.Error, ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message)
                    .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
            }

            processed++;
        }

        return processed;
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - StaleAfter;
        var candidates = await db.DocumentRuns.AsNoTracking()
            .Where(r => r.Status == DocumentRunStatus.Queued || r.Status == DocumentRunStatus.Running && r.ClaimedAt < stale)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await db.DocumentRuns
                .Where(r => r.Id == id && (r.Status == DocumentRunStatus.Queued || r.Status == DocumentRunStatus.Running && r.ClaimedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DocumentRunStatus.Running).SetProperty(r => r.ClaimedAt, now), ct);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }
}
