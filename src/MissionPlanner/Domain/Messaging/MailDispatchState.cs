namespace MissionPlanner.Domain.Messaging;

/// <summary>
/// The one row every node's dispatcher shares: whether the mail server has asked everyone to wait,
/// and a counter a claim updates first, so that claims (and the sending rates they count) take
/// turns across nodes — the row lock on PostgreSQL, the write lock on SQLite.
/// </summary>
public sealed class MailDispatchState
{
    public const int SingletonId = 1;

    private MailDispatchState()
    {
    }

    public int Id { get; private set; }

    /// <summary>No node sends before this instant (UTC).</summary>
    public DateTime? PausedUntil { get; private set; }

    /// <summary>Why sending is paused, in words for the Outbox page (the server's reply, or what to change in the settings).</summary>
    public string? PauseReason { get; private set; }

    /// <summary>Pauses since the last message that went through; each doubles the pause.</summary>
    public int ConsecutiveThrottles { get; private set; }

    public long Claims { get; private set; }

    /// <summary>Pauses every node: <paramref name="first"/>, doubled for each pause in a row, at most <paramref name="longest"/>.</summary>
    public DateTime Pause(string reason, DateTime now, TimeSpan first, TimeSpan longest)
    {
        ConsecutiveThrottles++;
        var pause = TimeSpan.FromSeconds(Math.Min(longest.TotalSeconds, first.TotalSeconds * Math.Pow(2, ConsecutiveThrottles - 1)));
        PausedUntil = now + pause;
        PauseReason = reason.Length <= 2000 ? reason : reason[..2000];
        return PausedUntil.Value;
    }
}
