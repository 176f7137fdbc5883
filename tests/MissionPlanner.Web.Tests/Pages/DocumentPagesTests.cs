using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Demo;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class DocumentPagesTests
{
    [Fact]
    public async Task AnOrganiserGeneratesTheBooklet_WatchesItsProgress_AndDownloadsIt_AndAViewerCannotGenerate()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var organiser = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);

        (await browser.SubmitAsync($"/missions/{mission}/documents", new Dictionary<string, string> { ["kind"] = "Booklet" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await browser.GetAsync($"/missions/{mission}/documents");
        browser.LastHtml.Should().Contain("Programme booklet, version 1").And.Contain("<progress");
        var run = System.Text.RegularExpressions.Regex.Match(browser.LastHtml, @"handler=Progress&amp;run=([0-9a-f\-]{36})").Groups[1].Value;

        var finished = false;
        for (var i = 0; i < 120 && !finished; i++)
        {
            var progress = await (await browser.GetAsync($"/missions/{mission}/documents?handler=Progress&run={run}")).ReadAsync();
            finished = (bool)progress["finished"]!;
            if (!finished)
            {
                await Task.Delay(500);
            }
        }

        finished.Should().BeTrue("the background job prints the booklet");
        await browser.GetAsync($"/missions/{mission}/documents");
        browser.LastHtml.Should().Contain("Download programme.pdf");
        var file = await browser.GetAsync($"/missions/{mission}/documents?handler=File&run={run}&file=programme.pdf");
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await file.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());

        var viewer = await app.AddOrganiserAsync("vic@example.org");
        await app.GrantAsync(mission, viewer.OrganiserId, MissionRoleKind.Viewer);
        var readOnly = new WebSession(app);
        await readOnly.SignInAsync(viewer.SignInToken);
        await readOnly.GetAsync($"/missions/{mission}/documents");
        readOnly.LastHtml.Should().Contain("Download programme.pdf").And.NotContain("Generate:");
        (await readOnly.PostAsync($"/missions/{mission}/documents", new Dictionary<string, string> { ["kind"] = "Booklet" }, readOnly.AntiforgeryToken()))
            .StatusCode.Should().NotBe(HttpStatusCode.Redirect, "a viewer cannot start a generation");
    }
}
