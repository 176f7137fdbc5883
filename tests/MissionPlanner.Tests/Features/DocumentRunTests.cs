using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Document generations in the background: versions, progress, takeover after a crash, regeneration on change.</summary>
public sealed partial class DocumentRunTests
{
    private static readonly DateOnly Start = new(2027, 1, 18);

    private static async Task<(Slice App, Guid Mission)> ArrangeAsync(DatabaseProvider provider, int people)
    {
        var scenario = await Scenario.MissionAsync(provider, Start, "NL–UK neuromorphic mission", "Symposium, labs and a signing.");
        var (app, mission) = (scenario.App, scenario.Mission);
        var venue = await app.SendAsync(new CreateVenueCommand("Royal Society", "6–9 Carlton House Terrace", "London", VenueKind.ConferenceCentre, null, null) { MissionId = mission });
        await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(9, 0)), Start.ToDateTime(new TimeOnly(17, 0)), venue, null, false)
        { MissionId = mission, Contact = "Ann Organiser +31 6 1111 2222" });
        await app.SendAsync(new CreateProgrammeItemCommand("Signing ceremony", null, ProgrammeItemKind.SigningCeremony,
            Start.AddDays(1).ToDateTime(new TimeOnly(11, 0)), Start.AddDays(1).ToDateTime(new TimeOnly(12, 0)), venue, null, false)
        { MissionId = mission });
        await scenario.InviteAsync(people);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft",
            name.EndsWith('1') ? Sector.Industry : Sector.Academia, DelegationRole.Member, true, ConsentListing: name != "Person 0"));

        return (app, mission);
    }

    [Theory, AllDatabases]
    public async Task Itineraries_ArePrintedInTheBackground_OnePerPerson_WithProgress_AndZipped(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider, people: 6);
        await using var _ = app;

        var run = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Itineraries) { MissionId = mission });
        (await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Itineraries) { MissionId = mission })).Should().Be(run, "a waiting generation is not doubled");
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(1);

        var view = (await app.SendAsync(new ListDocumentRunsQuery(mission))).Single();
        view.Should().BeEquivalentTo(new { Status = DocumentRunStatus.Done, Total = 6, Done = 6, Version = 1 }, o => o.ExcludingMissingMembers());
        view.Files.Should().Equal("itineraries.zip");
        using var zip = new ZipArchive(new MemoryStream(await app.SendAsync(new GetDocumentFileQuery(mission, run, "itineraries.zip"))));
        zip.Entries.Should().HaveCount(6);
        // The six are printed as one Chromium job and split: each file is exactly its person's, numbered as their own.
        for (var i = 0; i < 6; i++)
        {
            var entry = zip.Entries.Single(e => e.Name.StartsWith($"Person {i} ", StringComparison.Ordinal));
            using var pdf = new MemoryStream();
            await entry.Open().CopyToAsync(pdf);
            var text = await DocumentTests.PdfText(pdf.ToArray());
            text.Should().Contain($"Person {i}").And.Contain("Bilateral symposium").And.Contain("09:00–17:00").And.Contain("Page 1 of 1");
            Enumerable.Range(0, 6).Where(j => j != i).Should().OnlyContain(j => !text.Contains($"Person {j}"), $"no page of another person is in Person {i}'s file");
        }

        await FluentActions.Awaiting(() => app.SendAsync(new GetDocumentFileQuery(mission, run, "../../missionplanner.db")))
            .Should().ThrowAsync<MissionPlanner.Domain.Common.NotFoundException>("only the generation's own files can be read");
    }

    [Theory, AllDatabases]
    public async Task AGenerationWhoseWorkerDied_IsTakenOver_WithoutPrintingAgainWhatIsThere_AndAChangeRegenerates(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider, people: 3);
        await using var _ = app;
        var run = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Itineraries) { MissionId = mission });
        // A worker claimed it and printed one file, then died.
        await app.QueryAsync(db => db.DocumentRuns.Where(r => r.Id == run).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, DocumentRunStatus.Running).SetProperty(r => r.ClaimedAt, app.Clock.GetUtcNow().UtcDateTime)));
        var first = await app.QueryAsync(db => db.Registrations.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
        var folder = Path.Combine(app.Database.Directory, "documents", mission.ToString("N"), "itineraries", "v1");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{first:N}.pdf"), "%PDF-printed-before-the-crash"u8.ToArray());

        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(0, "the claim is still fresh");
        app.Clock.Advance(ProcessDocumentRunsHandler.StaleAfter + TimeSpan.FromSeconds(1));
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(1, "a stale claim is taken over");

        (await File.ReadAllTextAsync(Path.Combine(folder, $"{first:N}.pdf"))).Should().Be("%PDF-printed-before-the-crash");
        Directory.GetFiles(folder, "*.pdf").Should().HaveCount(3);
        (await app.SendAsync(new ListDocumentRunsQuery(mission))).Single().Status.Should().Be(DocumentRunStatus.Done);

        var item = await app.QueryAsync(db => db.ProgrammeItems.Where(p => p.Title == "Signing ceremony").Select(p => p.Id).SingleAsync());
        await app.SendAsync(new CancelProgrammeItemCommand(mission, item));
        await app.SendAsync(new CancelProgrammeItemCommand(mission, item, Cancelled: false));
        var runs = await app.SendAsync(new ListDocumentRunsQuery(mission));
        runs.Should().HaveCount(2, "two changes in a row queue one new generation");
        runs[0].Should().BeEquivalentTo(new { Version = 2, Status = DocumentRunStatus.Queued, Reason = "the programme changed" }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task TheBookletAndTheDelegationList_HaveTheRightContent()
    {
        var (app, mission) = await ArrangeAsync(DatabaseProvider.Sqlite, people: 4);
        await using var _ = app;
        var booklet = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Booklet) { MissionId = mission });
        var list = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.DelegationList) { MissionId = mission });
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(2);

        var programme = await app.SendAsync(new GetDocumentFileQuery(mission, booklet, "programme.pdf"));
        var text = await DocumentTests.PdfText(programme);
        text.Should().Contain("NL–UK neuromorphic mission").And.Contain("Monday 18 January 2027").And.Contain("Tuesday 19 January 2027");
        text.Should().Contain("Royal Society, 6–9 Carlton House Terrace, London").And.Contain("Ann Organiser +31 6 1111 2222");
        Regex.Matches(text, "\f").Count.Should().Be(4, "cover, two days, venues and contacts: one page each");
        text.Should().Contain("Page 2 of 4");
        await DocumentTests.SnapshotAsync(programme, "programme-booklet");

        var delegation = await DocumentTests.PdfText(await app.SendAsync(new GetDocumentFileQuery(mission, list, "delegation.pdf")));
        delegation.Should().Contain("Person 1").And.Contain("Person 2").And.Contain("Person 3");
        delegation.Should().NotContain("Person 0", "Person 0 did not agree to be listed");
        delegation.IndexOf("Academia", StringComparison.Ordinal).Should().BeLessThan(delegation.IndexOf("Industry", StringComparison.Ordinal));
        var byOrganisation = await DocumentTests.PdfText(await app.SendAsync(new GetDocumentFileQuery(mission, list, "delegation-by-organisation.pdf")));
        byOrganisation.Should().Contain("by organisation").And.Contain("TU Delft (3)").And.NotContain("Person 0");
    }
}
