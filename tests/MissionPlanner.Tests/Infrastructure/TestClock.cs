namespace MissionPlanner.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>Moves the clock to a UTC instant, forward only: time does not run back for the app.</summary>
    public void SetUtcNow(DateTime utc)
    {
        var to = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (to < now)
        {
            throw new InvalidOperationException($"The test clock is at {now:u}; it cannot go back to {to:u}.");
        }

        now = to;
    }
}
