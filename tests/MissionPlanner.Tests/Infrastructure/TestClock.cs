namespace MissionPlanner.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
