using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Data;

public sealed class MigrationTests
{
    [Theory, AllDatabases]
    public async Task Migrated_schema_matches_what_the_EF_model_expects(DatabaseProvider provider)
    {
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var fromMigrations = await TestDatabase.CreateAsync(provider);
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var expectedDb = fromModel.CreateContext();
        await using var actualDb = fromMigrations.CreateContext();
        var expected = await SchemaReader.ReadAsync(expectedDb);
        var actual = await SchemaReader.ReadAsync(actualDb);

        expected.Should().Contain(f => f.Contains("programme_items")).And.Contain(f => f.StartsWith("index", StringComparison.Ordinal));
        actual.Except(expected).Should().BeEmpty("the migrations must not add what the model lacks");
        expected.Except(actual).Should().BeEmpty("the migrations must create everything the model maps");
    }

    [Theory, AllDatabases]
    public async Task The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        // The same check as `dotnet ef migrations has-pending-model-changes`, which scripts/test.sh also runs.
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = database.CreateContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("every change to the model needs a migration: dotnet ef migrations add <Name> (see README)");
    }

    [Theory, AllDatabases]
    public async Task A_database_made_by_the_old_scripts_is_adopted_in_place_with_its_data(DatabaseProvider provider)
    {
        await using var legacy = await TestDatabase.CreateAsync(provider, migrated: false);
        Guid missionId;
        await using (var db = legacy.CreateContext())
        {
            await LegacySchema.ApplyAsync(db);
            // Written as that version wrote it: today's model has columns the scripts never made.
            missionId = Guid.Parse("6F1C2A4E-0B7D-4C21-9E55-3A8D2B6C7E10");
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? "INSERT INTO missions (id, title, summary, host_country, host_city, time_zone_id, start_date, end_date, status, is_demo, created_at, version) "
                  + "VALUES ('6f1c2a4e-0b7d-4c21-9e55-3a8d2b6c7e10'::uuid, 'Mission to Delft', '', 'Netherlands', 'Delft', 'Europe/Amsterdam', "
                  + "'2027-03-01', '2027-03-03', 'Draft', false, '2026-11-30 10:00:00+00', 0)"
                : "INSERT INTO missions (id, title, summary, host_country, host_city, time_zone_id, start_date, end_date, status, is_demo, created_at, version) "
                  + "VALUES ('6F1C2A4E-0B7D-4C21-9E55-3A8D2B6C7E10', 'Mission to Delft', '', 'Netherlands', 'Delft', 'Europe/Amsterdam', "
                  + "'2027-03-01', '2027-03-03', 'Draft', 0, '2026-11-30 10:00:00', 0)");
        }

        await using (var db = legacy.CreateContext())
        {
            var result = await Migrator(db).MigrateAsync();

            result.Created.Should().BeFalse("the schema was there already; the demo must not be seeded into it");
            result.Applied.Should().Equal(db.Database.GetMigrations().Skip(1), "the scripts made exactly the baseline; the migrations after it run");
            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
            (await db.Missions.SingleAsync()).Id.Should().Be(missionId);
        }

        await using var upgradedDb = legacy.CreateContext();
        var upgraded = await SchemaReader.ReadAsync(upgradedDb, withJobStore: true);
        var created = await FreshSchemaAsync(provider);
        upgraded.Should().Contain(f => f.Contains("qrtz_triggers", StringComparison.OrdinalIgnoreCase));
        upgraded.Should().Equal(created, "an adopted database must be the same as one the migrations create, or later migrations would not fit it");
        (await upgradedDb.Database.SqlQueryRaw<int>(provider == DatabaseProvider.Postgres
            ? "SELECT COUNT(*)::int AS \"Value\" FROM pg_tables WHERE tablename = 'schema_migrations'"
            : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'schema_migrations'").SingleAsync()).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task A_database_the_old_scripts_left_half_way_is_refused_naming_the_missing_scripts(DatabaseProvider provider)
    {
        await using var legacy = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = legacy.CreateContext();
        await LegacySchema.ApplyAsync(db, count: 12);

        var act = () => Migrator(db).MigrateAsync();

        (await act.Should().ThrowAsync<MigrationException>()).Which.Message
            .Should().Contain("0013_ceremonies").And.Contain("0015_mail_dispatch_state");
        (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty("nothing is recorded for a database that was refused");
    }

    [Theory, AllDatabases]
    public async Task A_schema_migrations_table_an_old_node_left_on_an_adopted_database_is_dropped_and_does_not_block_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        // What a 0.x node does when it starts on a database EF Core already migrated: its table, then its first script fails.
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE schema_migrations (id VARCHAR(200) NOT NULL PRIMARY KEY, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL)");

        var result = await Migrator(db).MigrateAsync();

        result.Applied.Should().BeEmpty();
        (await SchemaReader.ReadAsync(db, withJobStore: true)).Should().Equal(await FreshSchemaAsync(provider));
    }

    [Theory, AllDatabases]
    public async Task A_legacy_database_with_scripts_this_version_does_not_know_is_refused(DatabaseProvider provider)
    {
        await using var legacy = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = legacy.CreateContext();
        await LegacySchema.ApplyAsync(db);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO schema_migrations (id, checksum, applied_at) VALUES ('0016_counterparts', 'x', 'now')");

        var act = () => Migrator(db).MigrateAsync();

        (await act.Should().ThrowAsync<MigrationException>()).Which.Message.Should().Contain("0016_counterparts");
        (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_start_puts_SQLite_in_write_ahead_logging()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
        }

        await using var again = database.CreateContext();
        await Migrator(again).MigrateAsync();

        (await again.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Should().Equal("wal");
    }

    [Theory, AllDatabases]
    public async Task Migrating_again_applies_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await Migrator(db).MigrateAsync();

        result.Applied.Should().BeEmpty();
        (await Migrator(db).StatusAsync()).Pending.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_database_a_newer_version_upgraded_is_refused_and_left_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("29991231000000_FromTheFuture", "11.0.0")));

        var act = () => Migrator(db).MigrateAsync();

        (await act.Should().ThrowAsync<MigrationException>()).Which.Message
            .Should().Contain("29991231000000_FromTheFuture").And.Contain("newer version");
        (await Migrator(db).StatusAsync()).Unknown.Should().Equal("29991231000000_FromTheFuture");
    }

    [Theory, AllDatabases]
    public async Task Nodes_migrating_at_once_apply_each_migration_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        var nodes = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await Migrator(db).MigrateAsync();
        }).ToList();

        var results = await Task.WhenAll(nodes);

        await using var check = database.CreateContext();
        results.SelectMany(r => r.Applied).Should().Equal(check.Database.GetMigrations(), "every migration is applied by exactly one node");
        results.Count(r => r.Created).Should().Be(1, "one node created the database, so one seeds it");
    }

    [Fact]
    public async Task A_SQLite_migration_lock_left_by_a_process_that_died_does_not_block_the_next_start()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        await using (var db = database.CreateContext())
        {
            // What EF Core's SQLite lock leaves behind when the process is killed while it holds it (dotnet/efcore#38958).
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-30 10:00:00');
                """);
        }

        await using var again = database.CreateContext();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await Migrator(again).MigrateAsync(timeout.Token);

        result.Created.Should().BeTrue();
    }

    [Theory, AllDatabases]
    public async Task The_baseline_can_be_reverted_to_an_empty_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        (await SchemaReader.ReadAsync(db, withJobStore: true)).Should().BeEmpty("reverting the baseline drops every table it made, the job store's too");
    }

    private static DatabaseMigrator Migrator(AppDbContext db) => new(db, NullLogger<DatabaseMigrator>.Instance);

    private static async Task<IReadOnlyList<string>> FreshSchemaAsync(DatabaseProvider provider)
    {
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using var db = fresh.CreateContext();
        return await SchemaReader.ReadAsync(db, withJobStore: true);
    }
}
