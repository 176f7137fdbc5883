namespace MissionPlanner.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded, a file in the data directory) or Postgres (a server, several nodes).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres. For Sqlite it defaults to missionplanner.db in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (the migrate verb does it on demand).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>Where all state lives: the SQLite file, mail pickup folder, documents, data-protection keys.</summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "MISSIONPLANNER_DATA";

    public DataDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string EnsureFolder(string name)
    {
        var folder = Combine(name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes a file whole or not at all: to a ".partial" beside it, then renamed over it (a reader never sees half a PDF).</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct = default)
    {
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, bytes, ct);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>MISSIONPLANNER_DATA wins, then the DataDirectory setting, then ./data.</summary>
    public static DataDirectory Resolve(string? configured) =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv
            ? fromEnv
            : string.IsNullOrWhiteSpace(configured) ? "data" : configured);
}
