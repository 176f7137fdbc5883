using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.Programme;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Side effects of a change are handled from the entities' domain events, inside the change's own save.</summary>
public sealed class DomainEventTests
{
    [Theory, AllDatabases]
    public async Task A_change_whose_save_fails_leaves_no_change_log_and_no_reprint_and_one_that_saves_leaves_both(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Booklet) { MissionId = mission });
        await app.QueryAsync(db => db.DocumentRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DocumentRunStatus.Done)));
        var start = await app.QueryAsync(db => db.Missions.Where(m => m.Id == mission).Select(m => m.StartDate).SingleAsync());
        var reception = await app.QueryAsync(db => db.ProgrammeItems.AsNoTracking().SingleAsync(p => p.MissionId == mission && p.Title == "Networking reception"));
        var delegates = await app.QueryAsync(db => db.Registrations.CountAsync(r => r.MissionId == mission && r.Status == MissionPlanner.Domain.Registrations.RegistrationStatus.Confirmed));
        UpdateProgrammeItemCommand MoveTo(int hour, int version) => new(reception.Title, reception.Description, reception.Kind,
            start.ToDateTime(new TimeOnly(hour, 0)), start.ToDateTime(new TimeOnly(hour + 2, 0)), reception.VenueId, reception.Capacity,
            reception.AllowsParallel, version)
        { MissionId = mission, ItemId = reception.Id };

        await app.SendAsync(MoveTo(17, reception.Version));
        var stale = () => app.SendAsync(MoveTo(18, reception.Version));

        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>("someone else saved the item first");
        var changes = await app.QueryAsync(db => db.ProgrammeChanges.AsNoTracking().Where(c => c.ItemId == reception.Id).ToListAsync());
        changes.Should().ContainSingle("the failed save wrote none of its side effects")
            .Which.Description.Should().Be(
                $"'Networking reception' is now {start.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, 17:00–19:00.");
        changes[0].AffectedIds.Should().HaveCount(delegates, "the reception is for everyone");
        (await app.QueryAsync(db => db.DocumentRuns.CountAsync(r => r.Status == DocumentRunStatus.Queued && r.Kind == DocumentKind.Booklet)))
            .Should().Be(1, "one reprint for the save that went through");
    }

    [Theory, AllDatabases]
    public async Task Many_items_changed_in_one_save_ask_for_one_reprint_per_document(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        foreach (var kind in new[] { DocumentKind.Booklet, DocumentKind.Itineraries })
        {
            await app.SendAsync(new RequestDocumentsCommand(kind) { MissionId = mission });
        }

        await app.QueryAsync(db => db.DocumentRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DocumentRunStatus.Done)));

        var cancelled = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var items = await db.ProgrammeItems.Where(p => p.MissionId == mission && p.Kind == ProgrammeItemKind.Meal).ToListAsync();
            items.ForEach(i => i.Cancel());
            await db.SaveChangesAsync();
            return items.Count;
        });

        cancelled.Should().BeGreaterThan(3);
        (await app.QueryAsync(db => db.ProgrammeChanges.CountAsync(c => c.MissionId == mission))).Should().Be(cancelled, "each cancelled meal is logged");
        (await app.QueryAsync(db => db.DocumentRuns.Where(r => r.Status == DocumentRunStatus.Queued).Select(r => r.Kind).ToListAsync()))
            .Should().BeEquivalentTo([DocumentKind.Booklet, DocumentKind.Itineraries]);
    }

    [Theory, AllDatabases]
    public async Task Saving_raised_events_without_async_is_refused_rather_than_skipping_their_side_effects(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;

        var act = () => app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.ProgrammeItems.FirstAsync(p => p.MissionId == mission)).Cancel();
            return db.SaveChanges();
        });

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("SaveChangesAsync");
        (await app.QueryAsync(db => db.ProgrammeItems.CountAsync(p => p.Cancelled))).Should().Be(0);
    }
}
