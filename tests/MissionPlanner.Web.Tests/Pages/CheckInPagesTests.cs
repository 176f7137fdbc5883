using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.CheckIn;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class CheckInPagesTests
{
    [Fact]
    public async Task AnOrganiserScansABadge_AndMarksThePersonPresent_WhileOthersGet404()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nzoe@example.org,Zoë Quisling,SURF,academia\n") { MissionId = mission });
        var zoe = await app.QueryAsync(db => db.Registrations.Where(r => r.Email == "zoe@example.org").Select(r => r.Id).SingleAsync());
        var url = app.Services.GetRequiredService<CheckInLinks>().Url(zoe);
        var path = new Uri(url).AbsolutePath;
        var item = await app.QueryAsync(db => db.ProgrammeItems.Where(p => p.MissionId == mission).OrderBy(p => p.StartsAt).Select(p => p.Id).FirstAsync());

        var anonymous = new WebSession(app);
        (await anonymous.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Redirect, "scanning needs an organiser's sign-in");
        var stranger = new WebSession(app);
        await stranger.SignInAsync((await app.AddOrganiserAsync("eve@example.org")).SignInToken);
        (await stranger.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var organiser = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);
        var phone = new WebSession(app);
        await phone.SignInAsync(organiser.SignInToken);
        (await phone.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        phone.LastHtml.Should().Contain("Zoë Quisling").And.Contain("Mark present");
        (await phone.PostAsync(path, new Dictionary<string, string> { ["itemId"] = item.ToString() }, phone.AntiforgeryToken()))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        phone.LastHtml.Should().Contain("Zoë Quisling is present at");
        await phone.GetAsync($"/missions/{mission}/programme/{item}");
        phone.LastHtml.Should().Contain("Present (1)").And.Contain("Zoë Quisling (SURF)");
    }
}
