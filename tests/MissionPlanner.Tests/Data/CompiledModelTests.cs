using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Data;

/// <summary>
/// The app runs on a compiled EF model per provider (src/MissionPlanner/Data/CompiledModels, made by
/// scripts/compile-model.sh) instead of building the model at every start. A compiled model that no
/// longer matches the entity configurations would map the wrong columns or miss a rule, so this
/// compares it with the model the code builds, for each provider.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory, AllDatabases]
    public async Task The_compiled_model_is_the_model_the_configurations_build(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var db = database.CreateContext();
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        compiled.Should().BeAssignableTo<RuntimeModel>().Which.GetType().Namespace.Should()
            .EndWith(provider.ToString(), "each provider runs on its own compiled model");
        const string regenerate = "the compiled model is out of date: run scripts/compile-model.sh and commit the result";
        var runs = (Describe(compiled) + Describe(compiled.GetRelationalModel())).Split('\n');
        var configured = (Describe(built) + Describe(built.GetRelationalModel())).Split('\n');
        runs.Should().HaveCountGreaterThan(400, "the model has dozens of entities");
        runs.Except(configured).Should().BeEmpty(regenerate);
        configured.Except(runs).Should().BeEmpty(regenerate);
    }

    /// <summary>What a query or a save depends on, one line per element, in a stable order.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} : {entity.BaseType?.Name} table {entity.GetSchema()}.{entity.GetTableName()} filter {entity.GetDeclaredQueryFilters().Count}");
            foreach (var p in entity.GetDeclaredProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  property {p.Name} {p.ClrType.Name} null={p.IsNullable} column={p.GetColumnName()} max={p.GetMaxLength()} "
                                + $"converter={p.GetValueConverter()?.GetType().Name} provider={p.GetProviderClrType()?.Name} "
                                + $"concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} field={p.GetFieldName()} access={p.GetPropertyAccessMode()}");
            }

            foreach (var key in entity.GetDeclaredKeys().OrderBy(k => string.Join(",", k.Properties.Select(p => p.Name)), StringComparer.Ordinal))
            {
                text.AppendLine($"  key {string.Join(",", key.Properties.Select(p => p.Name))} primary={key.IsPrimaryKey()}");
            }

            foreach (var fk in entity.GetDeclaredForeignKeys().OrderBy(f => string.Join(",", f.Properties.Select(p => p.Name)), StringComparer.Ordinal))
            {
                text.AppendLine($"  foreign key {string.Join(",", fk.Properties.Select(p => p.Name))} -> {fk.PrincipalEntityType.Name} "
                                + $"delete={fk.DeleteBehavior} required={fk.IsRequired} unique={fk.IsUnique}");
            }

            foreach (var n in entity.GetDeclaredNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  navigation {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} field={n.GetFieldName()} access={n.GetPropertyAccessMode()}");
            }

            foreach (var index in entity.GetDeclaredIndexes().OrderBy(i => string.Join(",", i.Properties.Select(p => p.Name)), StringComparer.Ordinal))
            {
                text.AppendLine($"  index {string.Join(",", index.Properties.Select(p => p.Name))} unique={index.IsUnique} filter={index.GetFilter()}");
            }
        }

        return text.ToString();
    }

    /// <summary>The tables, columns and store types the model maps to (the schema itself is MigrationTests' concern).</summary>
    private static string Describe(IRelationalModel model)
    {
        var text = new StringBuilder();
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{table.Schema}.{table.Name}");
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  {column.Name} {column.StoreType} null={column.IsNullable}");
            }
        }

        return text.ToString();
    }
}
