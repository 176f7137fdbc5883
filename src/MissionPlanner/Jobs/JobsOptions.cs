namespace MissionPlanner.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run background jobs in this process. Turn off on web nodes when dedicated workers run them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs one node runs at the same time.</summary>
    public int MaxConcurrency { get; set; } = 4;
}
