using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// Reads a database's schema as a sorted list of facts (table, column type and nullability,
/// keys, foreign keys, indexes) so two schemas can be compared line by line.
/// </summary>
public static class SchemaReader
{
    /// <summary>Tables that record or lock migrations: the old runner's and EF Core's.</summary>
    public static bool IsBookkeeping(string table) =>
        table is "schema_migrations" or "__EFMigrationsHistory" or "__EFMigrationsLock";

    /// <summary>The job store's tables, which come from Quartz's own script, not from the EF model.</summary>
    public static bool IsJobStore(string table) => table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The facts of every table but the bookkeeping ones; the job store's only when <paramref name="withJobStore"/>.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(AppDbContext db, bool withJobStore = false)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            bool Skip(string table) => IsBookkeeping(table) || (!withJobStore && IsJobStore(table));
            var facts = db.Database.IsNpgsql() ? await ReadPostgresAsync(connection, Skip) : await ReadSqliteAsync(connection, Skip);
            return facts.Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection, Func<string, bool> skip)
    {
        var facts = new List<string>();
        var tables = await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(r => (string)r[0]).Where(t => !skip(t)))
        {
            facts.Add($"table {table}");
            foreach (var c in await RowsAsync(connection, $"PRAGMA table_info(\"{table}\")"))
            {
                facts.Add($"column {table}.{c[1]} {c[2]} {((long)c[3] == 1 ? "NOT NULL" : "NULL")}{((long)c[5] > 0 ? $" pk#{c[5]}" : "")}");
            }

            foreach (var fk in await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
            {
                facts.Add($"fk {table}.{fk[3]} -> {fk[2]}.{fk[4]} on delete {fk[6]}");
            }

            foreach (var index in await RowsAsync(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = await RowsAsync(connection, $"PRAGMA index_info(\"{index[1]}\")");
                var name = (string)index[3] == "c" ? (string)index[1] : $"({index[3]})";
                facts.Add($"index {table} {name} {((long)index[2] == 1 ? "UNIQUE " : "")}({string.Join(", ", columns.Select(c => c[2]))})");
            }
        }

        return facts;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection, Func<string, bool> skip)
    {
        var facts = new List<string>();
        foreach (var r in await RowsAsync(connection, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON a.attrelid = c.oid
            JOIN pg_namespace n ON c.relnamespace = n.oid
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """))
        {
            if (!skip((string)r[0]))
            {
                facts.Add($"column {r[0]}.{r[1]} {r[2]} {((bool)r[3] ? "NOT NULL" : "NULL")}");
            }
        }

        foreach (var r in await RowsAsync(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            if (!skip((string)r[0]))
            {
                facts.Add($"index {r[1]}");
            }
        }

        foreach (var r in await RowsAsync(connection, """
            SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid)
            FROM pg_constraint co JOIN pg_class cl ON co.conrelid = cl.oid
            WHERE co.connamespace = 'public'::regnamespace
            """))
        {
            if (!skip((string)r[0]))
            {
                facts.Add($"constraint {r[0]} {r[1]} {r[2]}");
            }
        }

        return facts;
    }

    private static async Task<List<object[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
