using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Features.Outbox;

/// <summary>
/// The dispatcher's write of one message's delivery state: <c>UPDATE OutboxMessages SET Status, Attempts,
/// NextAttemptAt, SentAt, LastError, ClaimedAt, ClaimToken WHERE Id = … AND ClaimToken = …</c> (still this
/// run's claim), as one command kept for the whole run. Table and column names, and each value's
/// conversion and parameter type, come from EF Core's model and type mappings, so it writes what
/// <c>ExecuteUpdate</c> would on either database; translating that LINQ again for every message
/// cost more than the SQL itself (the email benchmark: ~0.1 ms a message).
/// </summary>
internal sealed class OutcomeStatement : IAsyncDisposable
{
    private static readonly string[] Written =
    [
        nameof(OutboxMessage.Status), nameof(OutboxMessage.Attempts), nameof(OutboxMessage.NextAttemptAt), nameof(OutboxMessage.SentAt),
        nameof(OutboxMessage.LastError), nameof(OutboxMessage.ClaimedAt), nameof(OutboxMessage.ClaimToken),
    ];

    private readonly AppDbContext db;
    private readonly DbCommand command;
    private readonly RelationalTypeMapping[] mappings;

    private OutcomeStatement(AppDbContext db, DbCommand command, RelationalTypeMapping[] mappings)
    {
        this.db = db;
        this.command = command;
        this.mappings = mappings;
    }

    /// <summary>Opens the context's connection for the statement's lifetime; the caller disposes it before the context.</summary>
    public static async Task<OutcomeStatement> PrepareAsync(AppDbContext db, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Written.Append(nameof(OutboxMessage.Id)).Append(nameof(OutboxMessage.ClaimToken)).Select(n => entity.FindProperty(n)!).ToArray();
        string Column(int i) => sql.DelimitIdentifier(properties[i].GetColumnName(table)!);
        string Parameter(int i) => sql.GenerateParameterNamePlaceholder($"p{i}");

        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} "
                              + $"SET {string.Join(", ", Written.Select((_, i) => $"{Column(i)} = {Parameter(i)}"))} "
                              + $"WHERE {Column(Written.Length)} = {Parameter(Written.Length)} AND {Column(Written.Length + 1)} = {Parameter(Written.Length + 1)}";
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        for (var i = 0; i < mappings.Length; i++)
        {
            command.Parameters.Add(mappings[i].CreateParameter(command, $"p{i}", null, nullable: true));
        }

        return new OutcomeStatement(db, command, mappings);
    }

    /// <summary>Writes <paramref name="message"/>'s state in the context's current transaction, if any; 0 when the claim is no longer this run's.</summary>
    public Task<int> ExecuteAsync(OutboxMessage message)
    {
        object?[] values =
        [
            message.Status, message.Attempts, message.NextAttemptAt, message.SentAt, message.LastError, message.ClaimedAt, message.ClaimToken,
            message.Id, message.ClaimedBy,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            // Converted as EF Core would (enums, UTC dates); the parameters were typed by the mappings once, so a statement
            // the provider prepared after a few uses (Npgsql's automatic preparation) keeps its types.
            command.Parameters[i].Value = (values[i] is { } value && mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) : values[i]) ?? DBNull.Value;
        }

        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }
}
