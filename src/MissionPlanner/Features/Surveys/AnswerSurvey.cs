using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// The holder of a registration link answers a survey they were asked: answers by question id (a rating as "1"…"5",
/// options as offered, text). Each person answers once. Refused with nothing saved: a survey that closed (on
/// "Survey", saying when), a second answer, a rating outside 1–5, an option not offered, two options for a one-choice
/// question, a required question left out, or nothing answered at all (on "Answers[questionId]" or "Answers").
/// </summary>
public sealed record AnswerSurveyCommand(string Token, Guid SurveyId, IReadOnlyDictionary<Guid, IReadOnlyList<string>>? Answers) : IRequest<Unit>;

public sealed class AnswerSurveyHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<AnswerSurveyCommand, Unit>
{
    public async Task<Unit> Handle(AnswerSurveyCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions)
                         .FirstOrDefaultAsync(s => s.Id == request.SurveyId && db.SurveyRecipients.Any(r => r.SurveyId == s.Id && r.RegistrationId == registration.Id), cancellationToken)
                     ?? throw new NotFoundException("Survey");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!survey.TakesAnswers(now))
        {
            throw await ClosedAsync(survey, cancellationToken);
        }

        var answers = Check(survey, request.Answers ?? new Dictionary<Guid, IReadOnlyList<string>>());

        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        // Marking the person as answered first, only if they had not and the survey is still open (an organiser may have
        // closed it meanwhile): of two answers sent at once, one is kept, and none after the close.
        var first = await db.SurveyRecipients.Where(r => r.SurveyId == survey.Id && r.RegistrationId == registration.Id && !r.Answered
                                                         && db.Surveys.Any(s => s.Id == r.SurveyId && s.Status == SurveyStatus.Open && s.ClosesAt > now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Answered, true), cancellationToken);
        if (first == 0)
        {
            throw await db.SurveyRecipients.AnyAsync(r => r.SurveyId == survey.Id && r.RegistrationId == registration.Id && r.Answered, cancellationToken)
                ? new DomainException("Survey", "You have answered this survey already. Thank you!")
                : await ClosedAsync(await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == survey.Id, cancellationToken), cancellationToken);
        }

        db.SurveyResponses.Add(new SurveyResponse(survey, registration.Id, answers, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<DomainException> ClosedAsync(Survey survey, CancellationToken ct)
    {
        var mission = await db.MissionAsync(survey.MissionId, ct);
        return new DomainException("Survey", survey.ClosesAt is { } closed
            ? $"This survey closed on {Domain.Missions.MissionTime.ToLocal(closed, mission.TimeZone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}: your answers were not saved."
            : "This survey is not open: your answers were not saved.");
    }

    /// <summary>Every problem at once, so people fix the form in one go.</summary>
    private static List<(SurveyQuestion, string)> Check(Survey survey, IReadOnlyDictionary<Guid, IReadOnlyList<string>> given)
    {
        var failures = given.Keys.Where(k => survey.Questions.All(q => q.Id != k))
            .Select(k => new ValidationFailure($"Answers[{k}]", $"There is no question {k} in this survey.")).ToList();
        var answers = new List<(SurveyQuestion, string)>();
        foreach (var question in survey.Questions.OrderBy(q => q.Position))
        {
            var (answer, error) = question.Check(given.GetValueOrDefault(question.Id));
            if (error is not null)
            {
                failures.Add(new ValidationFailure($"Answers[{question.Id}]", $"{question.Position}. {question.Text}: {error}"));
            }
            else if (answer is not null)
            {
                answers.Add((question, answer));
            }
        }

        if (failures.Count == 0 && answers.Count == 0)
        {
            failures.Add(new ValidationFailure("Answers", "Answer at least one question."));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : answers;
    }
}
