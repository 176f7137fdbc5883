using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// The survey job's round: sends each scheduled survey whose subject has ended to the people it concerns, reminds
/// those who have not answered <see cref="SurveyOptions.ReminderAfterDays"/> days later (once, and only while it stays
/// open another day), and closes surveys whose time is up. Nothing goes out once the mission's personal data is
/// purged. Returns the emails written.
/// </summary>
/// <remarks>
/// Who is asked: for the whole mission, every confirmed delegate; for a programme item, those who checked in at it,
/// or its audience when nobody was checked in; for a visit, those who checked in at its published groups, or those
/// the published groups are for when nobody was checked in.
/// </remarks>
public sealed record SendSurveysCommand : IRequest<int>;

public sealed class SendSurveysHandler(
    AppDbContext db, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks, IOptions<SurveyOptions> options, TimeProvider clock,
    ILogger<SendSurveysHandler> logger)
    : IRequestHandler<SendSurveysCommand, int>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<int> Handle(SendSurveysCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var remindBefore = now.AddDays(-options.Value.ReminderAfterDays);
        var due = await db.Surveys.AsNoTracking().Include(s => s.Questions)
            .Where(s => (s.Status == SurveyStatus.Scheduled || s.Status == SurveyStatus.Open)
                        && db.Missions.Any(m => m.Id == s.MissionId && m.PersonalDataPurgedAt == null))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var group in due.GroupBy(s => s.MissionId))
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == group.Key, cancellationToken);
            var subjects = await SurveyRules.SubjectsAsync(db, mission, group.ToList(), cancellationToken);
            foreach (var id in group.Select(s => s.Id))
            {
                // One survey at a time, each saved on its own: one that cannot be saved holds up no other.
                try
                {
                    sent += await RoundAsync(mission, id, subjects[id], now, remindBefore, cancellationToken);
                }
                catch (DbUpdateException e)
                {
                    logger.LogError(e, "Survey {SurveyId} could not be sent, reminded or closed this round; it is tried again next round", id);
                    db.ChangeTracker.Clear();
                }
            }
        }

        return sent;
    }

    /// <summary>Sends, closes or reminds one survey as its time says; returns the emails written.</summary>
    private async Task<int> RoundAsync(Mission mission, Guid id, SurveySubject subject, DateTime now, DateTime remindBefore, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions).FirstAsync(s => s.Id == id, ct);
        var sent = 0;
        if (survey.Status == SurveyStatus.Scheduled && subject.EndsAt is { } ends && ends <= now)
        {
            survey.Sent(now, mission.TimeZone);
            foreach (var person in await RecipientsAsync(survey, mission, ct))
            {
                db.SurveyRecipients.Add(new SurveyRecipient(survey.Id, person.Id, now));
                await AskAsync(mission, survey, subject, person, reminder: false, ct);
                sent++;
            }

            await Documents.DocumentGeneration.RefreshReportAsync(db, mission.Id, "a survey was sent", now, ct);
        }
        else if (survey.Status == SurveyStatus.Open && survey.ClosesAt <= now)
        {
            survey.Close(now);
            await Documents.DocumentGeneration.RefreshReportAsync(db, mission.Id, "a survey closed", now, ct);
        }
        else if (survey.Status == SurveyStatus.Open && survey.RemindedAt is null && survey.SentAt <= remindBefore && survey.ClosesAt >= now.AddDays(1))
        {
            survey.Reminded(now);
            var waiting = await (from x in db.SurveyRecipients
                                 join r in db.Registrations on x.RegistrationId equals r.Id
                                 where x.SurveyId == survey.Id && !x.Answered && x.RemindedAt == null
                                       && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && r.PurgedAt == null
                                 select new { Recipient = x, Person = new Person(r.Id, r.Name, r.Email) }).ToListAsync(ct);
            foreach (var w in waiting)
            {
                w.Recipient.Reminded(now);
                await AskAsync(mission, survey, subject, w.Person, reminder: true, ct);
                sent++;
            }
        }
        else
        {
            return 0;
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private sealed record Person(Guid Id, string Name, string Email);

    private async Task<List<Person>> RecipientsAsync(Survey survey, Mission mission, CancellationToken ct)
    {
        var confirmed = db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && r.PurgedAt == null);
        if (survey.VisitId is { } visit)
        {
            // Those who went: checked in at one of the visit's published groups, or else placed on one as published
            // (the organisers' working plan may have moved on since).
            var groups = db.ProgrammeItems.Where(i => i.VisitId == visit && !i.Cancelled).Select(i => i.Id);
            confirmed = await db.Attendances.AnyAsync(a => groups.Contains(a.ProgrammeItemId), ct)
                ? confirmed.Where(r => db.Attendances.Any(a => groups.Contains(a.ProgrammeItemId) && a.RegistrationId == r.Id))
                : confirmed.Where(r => db.ProgrammeItemPeople.Any(p => groups.Contains(p.ProgrammeItemId) && p.RegistrationId == r.Id));
        }
        else if (survey.ProgrammeItemId is { } itemId)
        {
            var item = await db.ProgrammeItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
            if (await db.Attendances.AnyAsync(a => a.ProgrammeItemId == itemId, ct))
            {
                confirmed = confirmed.Where(r => db.Attendances.Any(a => a.ProgrammeItemId == itemId && a.RegistrationId == r.Id));
            }
            else if (item.Audience == Audience.People)
            {
                confirmed = confirmed.Where(r => db.ProgrammeItemPeople.Any(p => p.ProgrammeItemId == itemId && p.RegistrationId == r.Id));
            }
            else if (item.Audience == Audience.Sectors)
            {
                return (await confirmed.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.Email, r.Sector }).ToListAsync(ct))
                    .Where(r => item.IsFor(r.Sector, chosen: false)).Select(r => new Person(r.Id, r.Name, r.Email)).ToList();
            }
        }

        return await confirmed.OrderBy(r => r.Name).Select(r => new Person(r.Id, r.Name, r.Email)).ToListAsync(ct);
    }

    private async Task AskAsync(Mission mission, Survey survey, SurveySubject subject, Person person, bool reminder, CancellationToken ct)
    {
        var link = publicLinks.Registration(links.IssueAlongside(mission, LinkPurpose.Registration, person.Id, survey.ClosesAt)) + $"/surveys/{survey.Id}";
        await outbox.EnqueueAsync("survey-request", person.Email, person.Name,
            new EmailModels.SurveyRequest(person.Name, mission.Title, survey.Title, survey.Intro, subject.About,
                Report.ReportCharts.Many(survey.Questions.Count, "question"), survey.Anonymous,
                // Closes at midnight: the last day to answer is the day before, mission time.
                MissionTime.ToLocal(survey.ClosesAt!.Value.AddMinutes(-1), mission.TimeZone).ToString("dddd d MMMM yyyy", English), reminder, link),
            mission.Id, $"survey-{survey.Id:N}{(reminder ? "-reminder" : "")}", ct);
    }
}
