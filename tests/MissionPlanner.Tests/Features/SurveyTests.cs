using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Report;
using MissionPlanner.Features.Retention;
using MissionPlanner.Features.Surveys;
using MissionPlanner.Features.Travel;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// Feedback surveys: built by organisers, sent by the job when what they ask about ends, answered through the
/// personal link, reminded, closed, summed up and exported; anonymous ones never name anyone.
/// </summary>
public sealed class SurveyTests
{
    private static readonly SurveyQuestionInput[] MissionQuestions =
    [
        new(SurveyQuestionKind.Rating, "How would you rate the mission as a whole?", Required: true),
        new(SurveyQuestionKind.OneChoice, "Would you join a next mission?", ["Yes", "Maybe", "No"]),
        new(SurveyQuestionKind.SeveralChoices, "What was most useful?", ["Symposium", "Lab tours", "B2B meetings"]),
        new(SurveyQuestionKind.Text, "What should we do differently?"),
    ];

    private sealed record World(Scenario Scenario, Guid Symposium, Guid Closing, Guid ItemSurvey, Guid MissionSurvey)
    {
        public Slice App => Scenario.App;
        public Guid Mission => Scenario.Mission;
    }

    /// <summary>Three delegates; a symposium on day 1 and a closing session on day 2; a named survey about the symposium and an anonymous one about the mission, both scheduled.</summary>
    private static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        var venue = await app.SendAsync(new CreateVenueCommand("Royal Society", "6–9 Carlton House Terrace", "London", VenueKind.ConferenceCentre, null, null) { MissionId = mission });
        var symposium = await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), venue, 80, false)
        { MissionId = mission });
        var closing = await app.SendAsync(new CreateProgrammeItemCommand("Strategic closing session", null, ProgrammeItemKind.Talk,
            start.AddDays(1).ToDateTime(new TimeOnly(14, 0)), start.AddDays(1).ToDateTime(new TimeOnly(16, 0)), venue, null, false)
        { MissionId = mission });
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync();

        var itemSurvey = await app.SendAsync(new CreateSurveyCommand("How was the symposium?", "Five minutes; the programme committee reads every answer.",
            ProgrammeItemId: symposium, Questions:
            [
                new(SurveyQuestionKind.Rating, "How useful were the talks?", Required: true),
                new(SurveyQuestionKind.Text, "Which talk should we invite again?"),
            ])
        { MissionId = mission });
        var missionSurvey = await app.SendAsync(new CreateSurveyCommand("The NL–UK mission: your view", null, Anonymous: true, Questions: MissionQuestions)
        { MissionId = mission });
        foreach (var id in new[] { itemSurvey, missionSurvey })
        {
            await app.SendAsync(new ScheduleSurveyCommand(true, 0) { MissionId = mission, SurveyId = id });
        }

        return new World(scenario, symposium, closing, itemSurvey, missionSurvey);
    }

    [Theory, AllDatabases]
    public async Task A_survey_goes_out_when_its_item_ends_to_those_who_were_there_and_takes_each_answer_once(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(0, "nothing has ended yet");
        var listed = await w.App.SendAsync(new ListSurveysQuery(w.Mission));
        listed.Should().OnlyContain(s => s.Status == SurveyStatus.Scheduled && s.SendsAt != null && s.Problem == null);
        listed.Single(s => s.Id == w.ItemSurvey).About.Should().StartWith("'Bilateral symposium' (");

        // Two of the three check in at the symposium; once it is over, they (and only they) are asked.
        var ids = w.Scenario.RegistrationIds;
        foreach (var name in new[] { "Person 1", "Person 2" })
        {
            await w.App.InsertAsync(new Attendance(w.Mission, w.Symposium, ids[name], Guid.NewGuid(), w.App.Clock.GetUtcNow().UtcDateTime));
        }

        w.App.Clock.SetUtcNow(await w.App.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == w.Symposium).Select(i => i.EndsAt).SingleAsync()));
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(2);
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(0, "a survey goes out once");
        var emails = await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "survey-request").OrderBy(m => m.ToAddress).ToListAsync());
        emails.Select(m => m.ToAddress).Should().Equal("p1@example.org", "p2@example.org");
        emails[0].Subject.Should().Be("How was the symposium?");
        emails[0].TextBody.Should().Contain("'Bilateral symposium'").And.Contain("has 2 questions").And.NotContain("anonymous")
            .And.Contain("the programme committee reads every answer", "the introduction goes with it");
        var link = EmailLinks.Single(emails[0].TextBody, LinkKind.Registration);
        link.AbsolutePath.Should().EndWith($"/surveys/{w.ItemSurvey}");
        var token1 = EmailLinks.Token(link);

        var mine = await w.App.SendAsync(new GetMySurveyQuery(token1, w.ItemSurvey));
        mine.Should().BeEquivalentTo(new { Open = true, Answered = false, Anonymous = false }, o => o.ExcludingMissingMembers());
        var (rating, text) = (mine.Questions[0].Id, mine.Questions[1].Id);
        var notAsked = () => w.App.SendAsync(new GetMySurveyQuery(w.Scenario.RegistrationTokens["Person 0"], w.ItemSurvey));
        await notAsked.Should().ThrowAsync<NotFoundException>("Person 0 was not at the symposium");

        // A rating outside its scale is refused, naming the question, and nothing is saved.
        var token2 = w.Scenario.RegistrationTokens["Person 2"];
        var outside = () => w.App.SendAsync(new AnswerSurveyCommand(token2, w.ItemSurvey, Answers(rating, "6")));
        (await outside.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { PropertyName = $"Answers[{rating}]", ErrorMessage = "1. How useful were the talks?: Give a rating from 1 to 5." },
                o => o.ExcludingMissingMembers());
        var missing = () => w.App.SendAsync(new AnswerSurveyCommand(token2, w.ItemSurvey, Answers(text, "Steve Furber")));
        (await missing.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be($"Answers[{rating}]", "the rating is required");
        (await w.App.CountAsync<SurveyResponse>()).Should().Be(0);

        // Two answers sent at once by one person: one is kept.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Try(() => w.App.SendAsync(new AnswerSurveyCommand(token1, w.ItemSurvey,
            new Dictionary<Guid, IReadOnlyList<string>> { [rating] = ["4"], [text] = ["Steve Furber, on SpiNNaker"] })))));
        twice.Count(e => e is null).Should().Be(1);
        twice.Single(e => e is not null).Should().BeOfType<DomainException>().Which.Field.Should().Be("Survey");
        await w.App.SendAsync(new AnswerSurveyCommand(token2, w.ItemSurvey, Answers(rating, "5")));
        (await w.App.SendAsync(new GetMySurveyQuery(token1, w.ItemSurvey))).Answered.Should().BeTrue();

        var results = await w.App.SendAsync(new GetSurveyResultsQuery(w.Mission, w.ItemSurvey));
        results.Should().BeEquivalentTo(new { Asked = 2, Answered = 2, ResponseRate = 1.0 }, o => o.ExcludingMissingMembers());
        results.Questions[0].Counts.Select(c => (c.Label, c.Count)).Should().Equal(("1", 0), ("2", 0), ("3", 0), ("4", 1), ("5", 1));
        results.Questions[0].Mean.Should().Be(4.5);
        results.Questions[1].Should().BeEquivalentTo(new { Answers = 1, Texts = new[] { "Steve Furber, on SpiNNaker" } }, o => o.ExcludingMissingMembers());

        // A named survey's export names who answered.
        var csv = await w.App.SendAsync(new ExportSurveyResultsQuery(w.Mission, w.ItemSurvey, ExportFormat.Csv));
        var sheet = Spreadsheet.Read(csv.Content);
        sheet.Header.Should().Equal("Name", "Organisation", "Answered at (UTC)", "Q1. How useful were the talks?", "Q2. Which talk should we invite again?");
        sheet.Rows.Select(r => (r.Fields[0], r.Fields[3], r.Fields[4])).Should().BeEquivalentTo([("Person 1", "4", "Steve Furber, on SpiNNaker"), ("Person 2", "5", "")]);
        csv.FileName.Should().Be("survey-how-was-the-symposium.csv");
        var xlsx = await w.App.SendAsync(new ExportSurveyResultsQuery(w.Mission, w.ItemSurvey, ExportFormat.Xlsx));
        var workbook = Spreadsheet.Read(xlsx.Content);
        workbook.Format.Should().Contain("Excel");
        workbook.Header.Should().Equal(sheet.Header);
        workbook.Rows.Select(r => r.Fields[3]).Should().BeEquivalentTo("4", "5");
    }

    [Theory, AllDatabases]
    public async Task An_anonymous_mission_survey_names_nobody_reminds_those_who_did_not_answer_and_refuses_answers_after_it_closed(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var closingEnds = await w.App.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == w.Closing).Select(i => i.EndsAt).SingleAsync());
        (await w.App.SendAsync(new ListSurveysQuery(w.Mission))).Single(s => s.Id == w.MissionSurvey).SendsAt.Should().Be(closingEnds,
            "the mission ends with its last item");
        w.App.Clock.SetUtcNow(closingEnds.AddMinutes(5));
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(3 + 3, "the symposium survey goes to its audience (nobody checked in) and the mission survey to all");
        var email = await w.App.QueryAsync(db => db.OutboxMessages.FirstAsync(m => m.Template == "survey-request" && m.ToAddress == "p0@example.org"
                                                                                && m.Subject == "The NL–UK mission: your view"));
        email.TextBody.Should().Contain("It is anonymous");
        var tokens = w.Scenario.RegistrationTokens;
        var questions = (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey))).Questions.Select(q => q.Id).ToList();

        await w.App.SendAsync(new AnswerSurveyCommand(tokens["Person 0"], w.MissionSurvey, new Dictionary<Guid, IReadOnlyList<string>>
        {
            [questions[0]] = ["5"],
            [questions[1]] = ["maybe"],
            [questions[2]] = ["Symposium", "B2B meetings"],
            [questions[3]] = ["More time with the hosts"],
        }));
        var twoChoices = () => w.App.SendAsync(new AnswerSurveyCommand(tokens["Person 1"], w.MissionSurvey,
            new Dictionary<Guid, IReadOnlyList<string>> { [questions[0]] = ["3"], [questions[1]] = ["Yes", "No"] }));
        (await twoChoices.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be($"Answers[{questions[1]}]");
        var response = await w.App.QueryAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == w.MissionSurvey));
        response.RegistrationId.Should().BeNull("the survey is anonymous");
        response.SubmittedAt.Should().BeNull("a time could tell who answered");
        response.Answers.Single(a => a.QuestionId == questions[1]).Value.Should().Be("Maybe", "options are stored as the organiser wrote them");

        var export = Spreadsheet.Read((await w.App.SendAsync(new ExportSurveyResultsQuery(w.Mission, w.MissionSurvey, ExportFormat.Csv))).Content);
        export.Header.Should().NotContain("Name").And.HaveCount(4);
        export.Rows.Single().Fields.Should().Equal("5", "Maybe", "Symposium; B2B meetings", "More time with the hosts");
        var results = await w.App.SendAsync(new GetSurveyResultsQuery(w.Mission, w.MissionSurvey));
        results.Questions[2].Counts.Select(c => (c.Label, c.Count)).Should().Equal(("Symposium", 1), ("Lab tours", 0), ("B2B meetings", 1));

        // Three days on, the two who have not answered are reminded, once.
        w.App.Clock.Advance(TimeSpan.FromDays(3));
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(2 + 3, "two for the mission survey, three for the symposium's");
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(0);
        var reminders = await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Subject == "Reminder: The NL–UK mission: your view").Select(m => m.ToAddress).ToListAsync());
        reminders.Should().BeEquivalentTo("p1@example.org", "p2@example.org");

        // It closes at the end of the fourteenth day after sending (mission time); a late answer is refused with a clear message and nothing is saved.
        var closes = (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey))).ClosesAt!.Value;
        MissionTime.ToLocal(closes, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Should()
            .Be(MissionTime.ToLocal(closingEnds.AddMinutes(5), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Date.AddDays(15), "midnight after the last day");
        w.App.Clock.SetUtcNow(closes);
        await w.App.SendAsync(new SendSurveysCommand());
        (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey))).Status.Should().Be(SurveyStatus.Closed);
        var late = () => w.App.SendAsync(new AnswerSurveyCommand(tokens["Person 1"], w.MissionSurvey, Answers(questions[0], "4")));
        var refused = (await late.Should().ThrowAsync<DomainException>()).Which;
        refused.Field.Should().Be("Survey");
        refused.Message.Should().StartWith("This survey closed on ").And.EndWith("your answers were not saved.");
        (await w.App.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == w.MissionSurvey))).Should().Be(1);
        (await w.App.SendAsync(new ListMySurveysQuery(tokens["Person 1"]))).Should().OnlyContain(s => !s.Open);
    }

    [Theory, AllDatabases]
    public async Task A_survey_is_refused_without_questions_with_bad_questions_or_once_sent_and_names_the_field(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var empty = await w.App.SendAsync(new CreateSurveyCommand("Draft for later") { MissionId = w.Mission });
        var schedule = () => w.App.SendAsync(new ScheduleSurveyCommand(true, 0) { MissionId = w.Mission, SurveyId = empty });
        (await schedule.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Questions");

        async Task<string> Refused(params SurveyQuestionInput[] questions)
        {
            var create = () => w.App.SendAsync(new CreateSurveyCommand("Bad", Questions: questions) { MissionId = w.Mission });
            var thrown = await create.Should().ThrowAsync<Exception>();
            return thrown.Which switch
            {
                DomainException d => d.Field,
                ValidationException v => v.Errors.Single().PropertyName,
                var other => other.GetType().Name,
            };
        }

        var count = await w.App.CountAsync<Survey>();
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.OneChoice, "Pick one", ["Only"]))).Should().Be("Questions[0].Options");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.Rating, "Rate", ["1", "2"]))).Should().Be("Questions[0].Options");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.Text, "Fine"), new SurveyQuestionInput(null, "No kind"))).Should().Be("Questions[1].Kind");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.Text, "Two\nlines"))).Should().Be("Questions[0].Text");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.SeveralChoices, "Twice", ["A", "a"]))).Should().Be("Questions[0].Options");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.OneChoice, "Broken", ["Yes\nyes", "No"]))).Should().Be("Questions[0].Options",
            "an option holding a line break would read back as two");
        (await Refused(new SurveyQuestionInput(SurveyQuestionKind.Text, "Fine"), null!)).Should().Be("Questions[1]");
        var foreignItem = () => w.App.SendAsync(new CreateSurveyCommand("Elsewhere", ProgrammeItemId: Guid.NewGuid()) { MissionId = w.Mission });
        (await foreignItem.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ProgrammeItemId");
        (await w.App.CountAsync<Survey>()).Should().Be(count);

        // A stale version is a conflict; a sent survey can no longer change or be deleted.
        var view = await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey));
        await w.App.SendAsync(new UpdateSurveyCommand(view.Title, "Now with an introduction", view.Anonymous, 10, null, null, MissionQuestions, view.Version)
        { MissionId = w.Mission, SurveyId = w.MissionSurvey });
        var stale = () => w.App.SendAsync(new UpdateSurveyCommand(view.Title, null, false, 14, null, null, MissionQuestions[..1], view.Version)
        { MissionId = w.Mission, SurveyId = w.MissionSurvey });
        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>();
        var noQuestions = () => w.App.SendAsync(new UpdateSurveyCommand(view.Title, null, true, 14, null, null, null, view.Version + 1)
        { MissionId = w.Mission, SurveyId = w.MissionSurvey });
        (await noQuestions.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be("Questions",
            "leaving the list out must not delete every question");
        var unsaid = () => w.App.SendAsync(new UpdateSurveyCommand(view.Title, null, null, 14, null, null, MissionQuestions, view.Version + 1)
        { MissionId = w.Mission, SurveyId = w.MissionSurvey });
        (await unsaid.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().PropertyName.Should().Be("Anonymous",
            "leaving anonymity out must not make an anonymous survey named");
        (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey))).Should().BeEquivalentTo(
            new { Intro = "Now with an introduction", OpenDays = 10, Anonymous = true }, o => o.ExcludingMissingMembers());

        w.App.Clock.SetUtcNow(await w.App.QueryAsync(db => db.ProgrammeItems.MaxAsync(i => i.EndsAt)));
        await w.App.SendAsync(new SendSurveysCommand());
        view = await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey));
        MissionTime.ToLocal(view.ClosesAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .Should().Be(MissionTime.ToLocal(view.SentAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Date.AddDays(11), "open ten days, to midnight");
        var change = () => w.App.SendAsync(new UpdateSurveyCommand(view.Title, null, false, 14, null, null, MissionQuestions, view.Version)
        { MissionId = w.Mission, SurveyId = w.MissionSurvey });
        (await change.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Status");
        var delete = () => w.App.SendAsync(new DeleteSurveyCommand(w.Mission, w.MissionSurvey));
        (await delete.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Status");
        await w.App.SendAsync(new DeleteSurveyCommand(w.Mission, empty));
        var deleteItem = () => w.App.SendAsync(new DeleteProgrammeItemCommand(w.Mission, w.Symposium));
        (await deleteItem.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ItemId", "a sent survey's answers about it are history");
        await w.App.SendAsync(new CloseSurveyCommand(w.Mission, w.MissionSurvey));
        (await w.App.SendAsync(new GetMySurveyQuery(w.Scenario.RegistrationTokens["Person 0"], w.MissionSurvey))).Open.Should().BeFalse();
    }

    [Theory, AllDatabases]
    public async Task A_visit_survey_goes_to_those_placed_on_the_visit_after_its_last_group_and_erasure_unnames_answers(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var (app, mission) = (w.App, w.Mission);
        var start = w.Scenario.Start;
        var lab = await app.SendAsync(new CreateVenueCommand("Cavendish Laboratory", "JJ Thomson Avenue", "Cambridge", VenueKind.Lab, null, null) { MissionId = mission });
        var host = await app.SendAsync(new CreateHostCommand("Cavendish Laboratory", "Dr Jane Smith", "jane@cam.example", null) { MissionId = mission });
        var visit = await app.SendAsync(new CreateVisitCommand(host, lab, "Cleanroom tour", ProgrammeItemKind.LabTour, 60, 1, 2,
            [new VisitWindowInput(start.AddDays(1).ToDateTime(new TimeOnly(10, 0)), start.AddDays(1).ToDateTime(new TimeOnly(11, 0)))])
        { MissionId = mission });
        var survey = await app.SendAsync(new CreateSurveyCommand("The cleanroom tour", VisitId: visit,
            Questions: [new(SurveyQuestionKind.Rating, "How was it?"), new(SurveyQuestionKind.Text, "Anything to add?")])
        { MissionId = mission });
        await app.SendAsync(new ScheduleSurveyCommand(true, 0) { MissionId = mission, SurveyId = survey });
        (await app.SendAsync(new GetSurveyQuery(mission, survey))).Problem.Should().Contain("no published group");

        foreach (var name in new[] { "Person 0", "Person 2" })
        {
            await app.SendAsync(new SetMyVisitPreferencesCommand(w.Scenario.RegistrationTokens[name], [visit]));
        }

        await app.SendAsync(new RunVisitSchedulingCommand(mission));
        await app.SendAsync(new PublishVisitPlanCommand(mission));
        var ends = await app.QueryAsync(db => db.ProgrammeItems.Where(i => i.VisitId == visit).MaxAsync(i => i.EndsAt));
        (await app.SendAsync(new GetSurveyQuery(mission, survey))).Should().BeEquivalentTo(new { SendsAt = (DateTime?)ends, Problem = (string?)null },
            o => o.ExcludingMissingMembers());
        app.Clock.SetUtcNow(ends);
        await app.SendAsync(new SendSurveysCommand());
        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Subject == "The cleanroom tour").Select(m => m.ToAddress).ToListAsync()))
            .Should().BeEquivalentTo("p0@example.org", "p2@example.org");

        var questions = (await app.SendAsync(new GetSurveyQuery(mission, survey))).Questions.Select(q => q.Id).ToList();
        await app.SendAsync(new AnswerSurveyCommand(w.Scenario.RegistrationTokens["Person 0"], survey, new Dictionary<Guid, IReadOnlyList<string>>
        {
            [questions[0]] = ["4"],
            [questions[1]] = ["Ask Person 0 about the gowning"],
        }));
        await app.SendAsync(new ErasePersonCommand(mission, w.Scenario.RegistrationIds["Person 0"]));

        var response = await app.QueryAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == survey));
        response.RegistrationId.Should().BeNull();
        response.Answers.Select(a => a.Value).Should().BeEquivalentTo(["4", null], "the rating still counts; what they wrote goes");
        var results = await app.SendAsync(new GetSurveyResultsQuery(mission, survey));
        results.Questions[0].Mean.Should().Be(4);
        results.Questions[1].Texts.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task The_mission_report_shows_each_sent_surveys_results_as_charts_without_what_people_wrote(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        (await w.App.SendAsync(new GetMissionReportQuery(w.Mission))).Surveys.Should().BeEmpty("nothing was sent yet");
        w.App.Clock.SetUtcNow(await w.App.QueryAsync(db => db.ProgrammeItems.MaxAsync(i => i.EndsAt)));
        await w.App.SendAsync(new SendSurveysCommand());
        var questions = (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.MissionSurvey))).Questions.Select(q => q.Id).ToList();
        foreach (var (name, rating) in new[] { ("Person 0", "5"), ("Person 1", "4") })
        {
            await w.App.SendAsync(new AnswerSurveyCommand(w.Scenario.RegistrationTokens[name], w.MissionSurvey, new Dictionary<Guid, IReadOnlyList<string>>
            {
                [questions[0]] = [rating],
                [questions[1]] = ["Yes"],
                [questions[3]] = [$"{name} says: more lab time"],
            }));
        }

        var report = await w.App.SendAsync(new GetMissionReportQuery(w.Mission));
        report.Surveys.Select(s => s.Title).Should().BeEquivalentTo("How was the symposium?", "The NL–UK mission: your view");
        var mission = report.Surveys.Single(s => s.Id == w.MissionSurvey);
        mission.Responses.Should().Be("answered by 2 of 3 people (67%)");
        mission.Questions[0].Summary.Should().Be("2 answers, average 4.5 of 5");
        mission.Questions[3].Texts.Should().BeEmpty("written answers may name people");
        var charts = ReportCharts.For(report).Surveys[report.Surveys.ToList().IndexOf(mission)];
        charts[0].Should().Contain("<title>1. How would you rate the mission as a whole?</title>").And.Contain("5 (excellent): 1");
        charts[3].Should().BeEmpty("a text question has no chart");

        var text = await ReportTests.PrintAsync(w.App, w.Mission);
        text.Should().Contain("Feedback surveys").And.Contain("The NL–UK mission: your view").And.Contain("answered by 2 of 3 people")
            .And.Contain("Would you join a next mission?").And.NotContain("more lab time");
    }

    [Theory, AllDatabases]
    public async Task When_personal_data_is_purged_answers_no_longer_name_anyone_texts_go_counts_stay_and_nobody_is_reminded(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        w.App.Clock.SetUtcNow(await w.App.QueryAsync(db => db.ProgrammeItems.MaxAsync(i => i.EndsAt)));
        await w.App.SendAsync(new SendSurveysCommand());
        var questions = (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.ItemSurvey))).Questions.Select(q => q.Id).ToList();
        await w.App.SendAsync(new AnswerSurveyCommand(w.Scenario.RegistrationTokens["Person 0"], w.ItemSurvey, new Dictionary<Guid, IReadOnlyList<string>>
        {
            [questions[0]] = ["2"],
            [questions[1]] = ["Person 1 talked too long"],
        }));
        var hub = await w.App.SendAsync(new AddTravelHubCommand("London Heathrow", "LHR", HubKind.Airport, "Europe/London")
        { MissionId = w.Mission });
        await w.App.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1010", hub, "Amsterdam",
            w.Scenario.Start.AddDays(3).ToDateTime(new TimeOnly(18, 0)))
        { MissionId = w.Mission, RegistrationId = w.Scenario.RegistrationIds["Person 0"], Direction = LegDirection.Departure });
        await w.App.SendAsync(new SetRetentionCommand(0) { MissionId = w.Mission });

        // A shorter period waits a week after the change; then the hourly job purges.
        w.App.Clock.Advance(TimeSpan.FromDays(8));
        (await w.App.SendAsync(new PurgePersonalDataCommand())).Should().Be(1);

        var response = await w.App.QueryAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == w.ItemSurvey));
        response.RegistrationId.Should().BeNull();
        response.SubmittedAt.Should().BeNull();
        response.Answers.Select(a => a.Value).Should().BeEquivalentTo(["2", null]);
        var results = await w.App.SendAsync(new GetSurveyResultsQuery(w.Mission, w.ItemSurvey));
        results.Should().BeEquivalentTo(new { Asked = 3, Answered = 1 }, o => o.ExcludingMissingMembers());
        results.Questions[0].Mean.Should().Be(2);
        results.Questions[1].Should().BeEquivalentTo(new { Answers = 1, Texts = Array.Empty<string>() }, o => o.ExcludingMissingMembers());
        (await w.App.SendAsync(new GetSurveyQuery(w.Mission, w.ItemSurvey))).Status.Should().Be(SurveyStatus.Closed, "nobody can be asked any more");
        (await w.App.CountAsync<TravelLeg>()).Should().Be(0, "journeys tell where a person was");
        var outbox = await w.App.CountAsync<OutboxMessage>();
        (await w.App.SendAsync(new SendSurveysCommand())).Should().Be(0, "nobody is emailed once the mission's personal data is gone");
        (await w.App.CountAsync<OutboxMessage>()).Should().Be(outbox);
    }

    [Theory, AllDatabases]
    public async Task Every_option_of_the_longest_several_choices_question_can_be_chosen(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var options = Enumerable.Range(0, SurveyQuestion.OptionsMax).Select(i => $"{i:00} " + new string('é', SurveyQuestion.OptionMax - 3)).ToList();
        var survey = await w.App.SendAsync(new CreateSurveyCommand("Everything", Questions: [new(SurveyQuestionKind.SeveralChoices, "All of them?", options)])
        { MissionId = w.Mission });
        await w.App.SendAsync(new ScheduleSurveyCommand(true, 0) { MissionId = w.Mission, SurveyId = survey });
        w.App.Clock.SetUtcNow(await w.App.QueryAsync(db => db.ProgrammeItems.MaxAsync(i => i.EndsAt)));
        await w.App.SendAsync(new SendSurveysCommand());
        var question = (await w.App.SendAsync(new GetSurveyQuery(w.Mission, survey))).Questions.Single().Id;

        await w.App.SendAsync(new AnswerSurveyCommand(w.Scenario.RegistrationTokens["Person 0"], survey, new Dictionary<Guid, IReadOnlyList<string>> { [question] = options }));

        (await w.App.SendAsync(new GetSurveyResultsQuery(w.Mission, survey))).Questions.Single().Counts.Should().OnlyContain(c => c.Count == 1);
    }

    private static Dictionary<Guid, IReadOnlyList<string>> Answers(Guid question, string value) => new() { [question] = [value] };

    private static async Task<Exception?> Try(Func<Task> work)
    {
        try
        {
            await work();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
