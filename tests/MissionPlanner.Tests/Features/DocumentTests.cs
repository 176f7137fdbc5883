using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Messaging;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Real PDFs printed by Debian's Chromium, read back with poppler's pdftotext.</summary>
public sealed partial class DocumentTests
{
    [Fact]
    public async Task AnItineraryPdf_HasThePersonTheirItemsAndTimes_InOrder()
    {
        await using var app = await Slice.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://mp.example" });
        var start = new DateOnly(2027, 1, 18);
        var mission = await app.SendAsync(new CreateMissionCommand("Innovation Mission: Neuromorphic Computing", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(3)));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var venue = await app.SendAsync(new CreateVenueCommand("Imperial College", "Exhibition Road", "London", VenueKind.University, null, null) { MissionId = mission });
        for (var day = 0; day < 4; day++)
        {
            for (var slot = 0; slot < 6; slot++)
            {
                await app.SendAsync(new CreateProgrammeItemCommand($"Session {day + 1}.{slot + 1} <Memristors & spikes>", "Talks and a panel.", ProgrammeItemKind.Talk,
                    start.AddDays(day).ToDateTime(new TimeOnly(9 + slot, 0)), start.AddDays(day).ToDateTime(new TimeOnly(9 + slot, 45)), venue, null, false)
                { MissionId = mission, DressCode = "Business attire" });
            }
        }

        await app.SendAsync(new InviteParticipantCommand("ann@example.org", "Ann", null, null) { MissionId = mission });
        var token = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync()), LinkKind.Invitation);
        var ann = await app.SendAsync(new RegisterByInvitationCommand(token,
            new RegistrationDetails("Ann de Vries-Öztürk", "TU Delft", Sector.Academia, DelegationRole.Member, true)));

        var pdf = await app.SendAsync(new GetMyItineraryPdfQuery(ann.Token!));

        pdf.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
        var text = await PdfText(pdf);
        text.Should().Contain("Ann de Vries-Öztürk").And.Contain("Monday 18 January 2027").And.Contain("Thursday 21 January 2027");
        text.Should().Contain("Session 1.1 <Memristors & spikes>", "text is escaped for HTML, not mangled");
        text.Should().Contain("09:00–09:45").And.Contain("Business attire").And.Contain("Imperial College, Exhibition Road, London");
        text.IndexOf("Session 1.1", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Session 4.6", StringComparison.Ordinal));
        var pages = Regex.Matches(text, "\f").Count;
        pages.Should().BeInRange(2, 4, "24 items fill two to three A4 pages");
        text.Should().Contain($"Page 1 of {pages}", "every page is numbered");
        await SnapshotAsync(pdf, "itinerary");
    }

    [Fact]
    public void ATemplateWithAnError_IsAClearErrorNamingTheTemplate_NotABlankDocument()
    {
        var broken = () => DocumentTemplates.Render("itinerary", new { name = "Ann" }, "<h1>{{name}}</h1>\n<p>{{missionTitel}}</p>");
        broken.Should().Throw<TemplateException>().WithMessage("*templates/documents/itinerary.hbs*missionTitel*");
        var unclosed = () => DocumentTemplates.Render("itinerary", new { name = "Ann" }, "{{#each days}}<p>{{name}}</p>");
        unclosed.Should().Throw<TemplateException>().WithMessage("*templates/documents/itinerary.hbs*");
    }

    [Fact]
    public async Task AKilledBrowserIsStartedAgain_AndAMissingOneNamesTheSetting()
    {
        await using var renderer = new PdfRenderer(Options.Create(new DocumentOptions()), NullLogger<PdfRenderer>.Instance);
        (await renderer.RenderAsync("<p>one</p>")).Should().NotBeEmpty();
        await renderer.KillBrowserAsync();
        (await PdfText(await renderer.RenderAsync("<p>two</p>"))).Should().Contain("two");

        await using var missing = new PdfRenderer(Options.Create(new DocumentOptions { ChromiumPath = "/nowhere/chromium" }), NullLogger<PdfRenderer>.Instance);
        var act = () => missing.RenderAsync("<p>x</p>");
        (await act.Should().ThrowAsync<BrowserUnavailableException>()).Which.Message.Should().Contain("Documents:ChromiumPath").And.Contain("apt-get install chromium");
    }

    [Fact]
    public async Task DocumentsPrintedInOneJob_AreSplitIntoEachPersonsOwnPages_NumberedAsTheirOwn()
    {
        await using var renderer = new PdfRenderer(Options.Create(new DocumentOptions()), NullLogger<PdfRenderer>.Instance);
        static string Document(string name, int paragraphs) =>
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{name}</title><style>body {{ font-family: 'DejaVu Sans'; }} p {{ margin: 0 0 4mm; }}</style></head>" +
            $"<body><h1>{name}</h1>{string.Concat(Enumerable.Range(1, paragraphs).Select(i => $"<p>{name} line {i}</p>"))}</body></html>";
        var people = new[] { ("Ann", 5), ("Bob", 90), ("Cem", 1), ("Dee", 40) };

        var pdfs = await renderer.RenderManyAsync(people.Select(p => new PdfPart(Document(p.Item1, p.Item2), $"Mission · {p.Item1}")).ToList(), new PdfLayout());

        pdfs.Should().HaveCount(4);
        for (var i = 0; i < people.Length; i++)
        {
            var (name, lines) = people[i];
            var text = await PdfText(pdfs[i]);
            var pages = Regex.Matches(text, "\f").Count;
            foreach (var other in people.Where(p => p.Item1 != name))
            {
                text.Should().NotContain($"{other.Item1} line", $"no page of {other.Item1}'s is in {name}'s file");
            }

            text.Should().Contain($"{name} line {lines}", "the whole document, to its last line").And.Contain($"Mission · {name}");
            text.Should().Contain($"Page {pages} of {pages}", "pages are numbered per person, not across the batch").And.NotContain($"of {pages + 1}");
            var alone = Regex.Matches(await PdfText(await renderer.RenderAsync(Document(name, lines))), "\f").Count;
            pages.Should().Be(alone, $"{name}'s pages are the ones printed alone");
        }

        await SnapshotAsync(pdfs[1], "batch-part");
        var mixed = () => renderer.RenderManyAsync([new PdfPart(Document("Ann", 1), null), new PdfPart("<html><head><style>p { color: red }</style></head><body>x</body></html>", null)],
            new PdfLayout());
        await mixed.Should().ThrowAsync<ArgumentException>("documents of different templates are not printed as one");
    }

    internal static async Task<string> PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var (code, output) = await RunAsync("pdftotext", "-layout", file, "-");
            code.Should().Be(0, "pdftotext (poppler-utils) reads the PDF");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The first page as a PNG, kept as a test artifact to look at.</summary>
    internal static async Task SnapshotAsync(byte[] pdf, string name)
    {
        var dir = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(SmtpSink.Script))!, "..", "test-artifacts", "documents");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{name}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var (code, _) = await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir, name));
        code.Should().Be(0);
        File.Exists(Path.Combine(dir, $"{name}.png")).Should().BeTrue();
    }

    private static async Task<(int Code, string Output)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
