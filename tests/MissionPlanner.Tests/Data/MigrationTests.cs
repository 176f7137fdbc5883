using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Data;

public sealed class MigrationTests
{
    [Theory, AllDatabases]
    public async Task Migrated_schema_matches_what_the_EF_model_expects(DatabaseProvider provider)
    {
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var fromScripts = await TestDatabase.CreateAsync(provider);
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var expectedDb = fromModel.CreateContext();
        await using var actualDb = fromScripts.CreateContext();
        var expected = await SchemaReader.ReadAsync(expectedDb);
        var actual = await SchemaReader.ReadAsync(actualDb);

        expected.Should().Contain(f => f.Contains("programme_items")).And.Contain(f => f.StartsWith("index", StringComparison.Ordinal));
        actual.Except(expected).Should().BeEmpty("the migrations must not add what the model lacks");
        expected.Except(actual).Should().BeEmpty("the migrations must create everything the model maps");
    }

    [Theory, AllDatabases]
    public async Task Migrating_again_applies_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var applied = await Runner(db).MigrateAsync();

        applied.Should().BeEmpty();
        (await CountMigrationsAsync(db)).Should().Be(MigrationRunner.LoadScripts(provider).Count);
    }

    [Theory, AllDatabases]
    public async Task An_edited_applied_script_is_refused_with_its_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var scripts = MigrationRunner.LoadScripts(provider).ToList();
        scripts[0] = scripts[0] with { Sql = scripts[0].Sql + "\n-- a quiet edit\n" };
        scripts.Add(new MigrationScript("9000_after", "CREATE TABLE after_tamper (id INTEGER);"));

        var act = () => Runner(db).MigrateAsync(scripts);

        (await act.Should().ThrowAsync<MigrationException>())
            .Which.Message.Should().Contain(scripts[0].Id).And.Contain("changed after it was applied");
        (await CountMigrationsAsync(db)).Should().Be(MigrationRunner.LoadScripts(provider).Count, "nothing after the refusal runs");
    }

    [Theory, AllDatabases]
    public async Task A_failing_script_is_rolled_back_and_not_recorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var scripts = MigrationRunner.LoadScripts(provider)
            .Append(new MigrationScript("9001_broken", "CREATE TABLE half_done (id INTEGER);\nSELECT no_such_column FROM missions;"))
            .ToList();

        var act = () => Runner(db).MigrateAsync(scripts);

        (await act.Should().ThrowAsync<MigrationException>()).Which.Message.Should().Contain("9001_broken");
        var tables = await SchemaReader.ReadAsync(db);
        tables.Should().NotContain(f => f.Contains("half_done"));
        (await CountMigrationsAsync(db)).Should().Be(MigrationRunner.LoadScripts(provider).Count);
    }

    [Theory, AllDatabases]
    public async Task Two_nodes_migrating_at_once_apply_each_script_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        var nodes = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await Runner(db).MigrateAsync();
        }).ToList();

        var results = await Task.WhenAll(nodes);

        var expected = MigrationRunner.LoadScripts(provider).Select(s => s.Id);
        results.SelectMany(r => r).Should().BeEquivalentTo(expected, "every script is applied by exactly one node");
        await using var check = database.CreateContext();
        (await CountMigrationsAsync(check)).Should().Be(expected.Count());
    }

    private static MigrationRunner Runner(AppDbContext db) => new(db, NullLogger<MigrationRunner>.Instance);

    private static Task<int> CountMigrationsAsync(AppDbContext db) =>
        db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_migrations").SingleAsync();
}
