using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>Looks for a string in every text column of every table: "no trace left" checked by query.</summary>
public static class TextSearch
{
    public static async Task<IReadOnlyList<string>> FindAsync(AppDbContext db, string needle)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var columns = db.Database.IsNpgsql()
                ? await RowsAsync(connection, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')")
                : await SqliteTextColumnsAsync(connection);
            var hits = new List<string>();
            foreach (var (table, column) in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(\"{column}\") LIKE @needle";
                var p = command.CreateParameter();
                p.ParameterName = "@needle";
                p.Value = $"%{needle.ToLowerInvariant()}%";
                command.Parameters.Add(p);
                if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }

            return hits;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<(string, string)>> SqliteTextColumnsAsync(DbConnection connection)
    {
        var result = new List<(string, string)>();
        foreach (var (table, _) in await RowsAsync(connection, "SELECT name, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            foreach (var (column, type) in await RowsAsync(connection, $"SELECT name, type FROM pragma_table_info('{table}')"))
            {
                if (type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) || type.Contains("CHAR", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add((table, column));
                }
            }
        }

        return result;
    }

    private static async Task<List<(string, string)>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
