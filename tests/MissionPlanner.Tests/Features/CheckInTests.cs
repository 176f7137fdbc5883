using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.CheckIn;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class CheckInTests
{
    private static readonly DateOnly Start = new(2027, 1, 18);

    private static async Task<(Slice App, Guid Mission, Guid Item)> ArrangeAsync(DatabaseProvider provider, int people, int capacity)
    {
        var scenario = await Scenario.MissionAsync(provider, Start, capacity: capacity);
        var (app, mission) = (scenario.App, scenario.Mission);
        var item = await app.SendAsync(new CreateProgrammeItemCommand("Symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(9, 0)), Start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        await scenario.InviteAsync(people);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, true, JobTitle: "Researcher"));

        return (app, mission, item);
    }

    private static string Token(Slice app, Guid registration) =>
        app.Services.GetRequiredService<CheckInLinks>().Url(registration).Split("/k/")[1];

    [Theory, AllDatabases]
    public async Task ScanningABadge_MarksThePersonPresentOnce_AndOnlyTheMissionsOrganisersCanDoIt(DatabaseProvider provider)
    {
        var (app, mission, item) = await ArrangeAsync(provider, people: 2, capacity: 1);
        await using var _ = app;
        var ids = await app.QueryAsync(db => db.Registrations.ToDictionaryAsync(r => r.Name, r => r.Id));
        var confirmed = Token(app, ids["Person 0"]);

        (await app.SendAsync(new ResolveBadgeQuery(confirmed))).Should().Be(mission);
        var holder = await app.SendAsync(new GetBadgeHolderQuery(mission, confirmed));
        holder.Should().BeEquivalentTo(new { Name = "Person 0", Status = RegistrationStatus.Confirmed }, o => o.ExcludingMissingMembers());
        (await app.SendAsync(new CheckInCommand(mission, item, confirmed))).AlreadyPresent.Should().BeFalse();
        (await app.SendAsync(new CheckInCommand(mission, item, confirmed))).AlreadyPresent.Should().BeTrue("a second scan is harmless");
        (await app.SendAsync(new ListAttendanceQuery(mission, item))).Select(a => a.Name).Should().Equal("Person 0");

        var waiting = () => app.SendAsync(new CheckInCommand(mission, item, Token(app, ids["Person 1"])));
        (await waiting.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("not a confirmed participant");
        var tampered = () => app.SendAsync(new CheckInCommand(mission, item, confirmed[..^4] + (confirmed[^4] == 'A' ? "BBBB" : "AAAA")));
        await tampered.Should().ThrowAsync<NotFoundException>();

        var outsider = await app.AddOrganiserAsync("eve@example.org");
        var foreign = () => app.SendAsync(new CheckInCommand(mission, item, confirmed), outsider);
        await foreign.Should().ThrowAsync<NotFoundException>("an organiser of another mission cannot even see the mission");
        (await app.CountAsync<Attendance>()).Should().Be(1);
    }

    [Fact]
    public async Task Badges_HaveTheNames_AndOneCheckInCodePerPerson_OnSheetsAndSingly()
    {
        var (app, mission, _) = await ArrangeAsync(DatabaseProvider.Sqlite, people: 10, capacity: 10);
        await using var __ = app;
        var run = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.Badges) { MissionId = mission });
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(1);

        var sheets = await app.SendAsync(new GetDocumentFileQuery(mission, run, "badges.pdf"));
        var text = await DocumentTests.PdfText(sheets);
        Enumerable.Range(0, 10).Should().OnlyContain(i => text.Contains($"Person {i}"));
        text.Should().Contain("Researcher").And.Contain("Scan to check in");
        Regex.Matches(text, "\f").Count.Should().Be(2, "eight badges to an A4 sheet");
        (await ImagesAsync(sheets)).Should().Be(10, "one check-in code per badge");
        var singles = await app.SendAsync(new GetDocumentFileQuery(mission, run, "badges-single.pdf"));
        Regex.Matches(await DocumentTests.PdfText(singles), "\f").Count.Should().Be(10, "one badge per page");
        await DocumentTests.SnapshotAsync(sheets, "badges");
    }

    private static async Task<int> ImagesAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdfimages", ["-list", file]) { RedirectStandardOutput = true })!;
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await process.WaitForExitAsync();
        File.Delete(file);
        return lines.Skip(2).Count(l => l.Contains(" image ", StringComparison.Ordinal));
    }
}
