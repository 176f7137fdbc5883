namespace MissionPlanner.Domain.Common;

/// <summary>
/// An entity edited by people who may overwrite each other's work. The version travels with every
/// read model and update command; a stale version makes the save fail with a concurrency conflict.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
