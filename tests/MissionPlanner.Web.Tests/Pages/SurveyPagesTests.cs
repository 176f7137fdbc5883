using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Surveys;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>
/// Surveys through the pages: an organiser builds one (errors beside the question, questions added and moved),
/// schedules it; the job emails it through a real SMTP server; a delegate answers through the link in that email
/// (errors beside the question, once only, never after it closed); the organiser reads the results and downloads them.
/// </summary>
public sealed class SurveyPagesTests
{
    [Theory, AllDatabases]
    public async Task An_organiser_builds_and_schedules_a_survey_a_delegate_answers_it_from_the_email_and_the_results_show(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, AppFactory.Smtp(smtp));
        var ann = await app.AddOrganiserAsync("ann@example.org");
        // The symposium was yesterday: a survey about it goes out as soon as it is scheduled.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(1)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var symposium = await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        (await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nzoe@example.org,Zoë Visser,TU Delft,Academia\nbas@example.org,Bas Bakker,OPT/NET BV,Industry\n")
        { MissionId = mission })).Imported.Should().Be(2);
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);

        await organiser.GetAsync($"/missions/{mission}/surveys");
        organiser.LastHtml.Should().Contain("No survey yet");
        var created = await organiser.SubmitAsync($"/missions/{mission}/surveys", new Dictionary<string, string>
        {
            ["Input.Title"] = "How was the symposium?",
            ["Input.About"] = $"item:{symposium}",
            ["Input.Anonymous"] = "false",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        var builder = created.Headers.Location!.OriginalString;
        var survey = Guid.Parse(builder.Split('/')[^1]);

        // A choice with one option is refused beside its question, and nothing is saved.
        Dictionary<string, string> Form(int version, params (string Kind, string Text, string Options)[] questions)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Title"] = "How was the symposium?",
                ["Input.About"] = $"item:{symposium}",
                ["Input.OpenDays"] = "14",
                ["Input.Version"] = $"{version}",
            };
            for (var i = 0; i < questions.Length; i++)
            {
                (form[$"Input.Questions[{i}].Kind"], form[$"Input.Questions[{i}].Text"], form[$"Input.Questions[{i}].Options"]) = questions[i];
            }

            form["Input.Questions[0].Required"] = "true";
            return form;
        }

        (await organiser.SubmitAsync(builder, Form(0, ("Rating", "How useful were the talks?", ""), ("OneChoice", "Would you come again?", "Yes"), ("Rating", "", "")), "Save"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Input.Questions[1].Options").Should().Contain("at least two options");
        (await app.SendAsync(new GetSurveyQuery(mission, survey))).Questions.Should().BeEmpty();

        (await organiser.SubmitAsync(builder, Form(0, ("Rating", "How useful were the talks?", ""), ("OneChoice", "Would you come again?", "Yes\r\nNo"),
            ("Text", "Which talk should we invite again?", ""), ("Rating", "", "")), "Save")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync(builder);
        organiser.LastHtml.Should().Contain("Saved.").And.Contain("New question").And.Contain("Which talk should we invite again?");
        (await organiser.SubmitAsync(builder, Form(1, ("Rating", "How useful were the talks?", ""), ("OneChoice", "Would you come again?", "Yes\nNo"),
                ("Text", "Which talk should we invite again?", "")).Append(new("move", "2:up")).ToDictionary(), "Move"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        // An existing question emptied, below one marked for removal: refused beside its own row, nothing saved.
        var emptied = Form(2, ("Rating", "How useful were the talks?", ""), ("Text", "", ""), ("OneChoice", "Would you come again?", "Yes\nNo"));
        (emptied["Input.Questions[0].Remove"], emptied["Input.Questions[1].Existing"]) = ("true", "true");
        (await organiser.SubmitAsync(builder, emptied, "Save")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Input.Questions[1].Text").Should().NotBeNullOrEmpty();
        var view = await app.SendAsync(new GetSurveyQuery(mission, survey));
        view.Questions.Select(q => q.Text).Should().Equal("How useful were the talks?", "Which talk should we invite again?", "Would you come again?");
        view.Questions[0].Required.Should().BeTrue();
        (await organiser.SubmitAsync(builder, new Dictionary<string, string> { ["scheduled"] = "true", ["version"] = $"{view.Version}" }, "Schedule"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/surveys");
        organiser.LastHtml.Should().Contain("scheduled: goes out");

        // The symposium is over: the job's next round emails both delegates; the link in the email opens the survey.
        // (The job's own timer may get there first; either way each delegate gets one email.)
        view.SendsAt.Should().BeBefore(DateTime.UtcNow);
        await app.SendAsync(new SendSurveysCommand());
        var emails = (await smtp.WaitForAsync(4)).Where(m => m.Subject == "How was the symposium?").ToList();
        emails.Should().HaveCount(2);
        var zoe = emails.Single(m => m.RcptTos.Contains("zoe@example.org"));
        zoe.Subject.Should().Be("How was the symposium?");
        var link = EmailLinks.Single(zoe.Text, LinkKind.Registration);
        var delegatePage = link.PathAndQuery;
        var participant = new WebSession(app);
        (await participant.GetAsync(delegatePage)).StatusCode.Should().Be(HttpStatusCode.OK);
        participant.LastHtml.Should().Contain("1. How useful were the talks? (required)").And.Contain("1 = poor, 5 = excellent");

        var (rating, text, choice) = (view.Questions[0].Id, view.Questions[1].Id, view.Questions[2].Id);
        (await participant.SubmitAsync(delegatePage, new Dictionary<string, string> { [$"Answers[{rating}]"] = "7", [$"Answers[{choice}]"] = "Yes" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        participant.FieldError($"Answers[{rating}]").Should().Be("1. How useful were the talks?: Give a rating from 1 to 5.");
        (await participant.SubmitAsync(delegatePage, new Dictionary<string, string>
        {
            [$"Answers[{rating}]"] = "4",
            [$"Answers[{text}]"] = "Steve Furber, on SpiNNaker",
            [$"Answers[{choice}]"] = "Yes",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect, participant.LastHtml);
        await participant.GetAsync(delegatePage.Split("/surveys/")[0] + "/surveys");
        participant.LastHtml.Should().Contain("your answers to &quot;How was the symposium?&quot; are saved").And.Contain("Answered. Thank you!");
        await participant.GetAsync(delegatePage);
        participant.LastHtml.Should().Contain("You have answered this survey").And.NotContain("Send my answers");

        // The organiser sees the results with a chart, the written answer, and downloads the answers.
        await organiser.GetAsync(builder);
        organiser.LastHtml.Should().Contain("answered by 1 of 2 people (50%)").And.Contain("<svg class=\"chart\"")
            .And.Contain("<title>1. How useful were the talks?</title>").And.Contain("Steve Furber, on SpiNNaker");
        var csv = await organiser.Client.GetAsync(builder + "?handler=Export&format=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csv.Content.ReadAsStringAsync()).Should().Contain("Zoë Visser").And.Contain("Steve Furber, on SpiNNaker");
        await organiser.GetAsync($"/missions/{mission}/report");
        organiser.LastHtml.Should().Contain("Feedback surveys").And.Contain("answered by 1 of 2 people");

        // Closed early: Bas's late answer is refused with a clear message, and nothing is saved.
        var bas = EmailLinks.Single(emails.Single(m => m.RcptTos.Contains("bas@example.org")).Text, LinkKind.Registration).PathAndQuery;
        var late = new WebSession(app);
        await late.GetAsync(bas);
        var token = late.AntiforgeryToken();
        // A form with nothing chosen binds no answers: the person is told what is missing, not how binding failed.
        (await late.PostAsync(bas, new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.OK);
        late.FieldError($"Answers[{rating}]").Should().Be("1. How useful were the talks?: Please answer this question.");
        late.LastHtml.Should().NotContain("Guid");
        (await organiser.SubmitAsync(builder, new Dictionary<string, string>(), "Close")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await late.PostAsync(bas, new Dictionary<string, string> { [$"Answers[{rating}]"] = "5" }, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        late.LastHtml.Should().Contain("This survey closed on").And.Contain("your answers were not saved");
        (await app.SendAsync(new GetSurveyResultsQuery(mission, survey))).Answered.Should().Be(1);

        // The API names the field in its problems.
        var (api, bob) = await app.ApiClientAsync("bob@example.org");
        await app.GrantAsync(mission, bob.OrganiserId, MissionRoleKind.Organiser);
        var bad = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/surveys",
            new { title = "After the mission", questions = new object[] { new { kind = "OneChoice", text = "Pick", options = new[] { "Only" } } } });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("questions[0].options", "the problem names the question's field");
        var good = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/surveys", new { title = "After the mission", anonymous = true });
        good.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (string)(await good.ReadAsync())["id"]!;
        var empty = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/surveys/{id}/schedule", new { scheduled = true, version = 0 });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((JsonObject)(await empty.ReadAsync())["errors"]!).Select(e => e.Key).Should().Equal("questions");
        (await api.GetAsync($"/api/v1/missions/{mission}/surveys/{survey}/answers.xlsx")).Content.Headers.ContentType!.MediaType
            .Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
