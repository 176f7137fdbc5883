using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.FollowUp;

/// <summary>Settings of the follow-up actions (section "FollowUp").</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>An open action's owner is reminded this many days before its due day (mission time), and again on the day.</summary>
    public int ReminderDaysBefore { get; set; } = 3;
}

/// <summary>One follow-up action as lists and the API show it.</summary>
/// <param name="FollowsUp">What it follows up, in words ("Agreement: …", "Visit: …", "B2B meeting: … with …"), or null.</param>
/// <param name="Overdue">Open and its due day (mission time) has passed.</param>
public sealed record FollowUpActionView(
    Guid Id, string Title, string? Notes, string Owner, string OwnerEmail, DateOnly DueDate, ActionStatus Status, bool Overdue,
    Guid? MeetingId, Guid? VisitId, Guid? AgreementId, string? FollowsUp, DateTime CreatedAt, DateTime? ClosedAt, int Version);

/// <summary>Runs the follow-up reminders every hour.</summary>
public sealed class ActionRemindersJob(IServiceScopeFactory scopes, ILogger<ActionRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("action-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendActionRemindersCommand(), ct);
}

internal static class FollowUpRules
{
    /// <summary>Refuses a link to a meeting, visit or agreement of another mission (or none at all), naming the field.</summary>
    public static async Task EnsureLinksAsync(AppDbContext db, Guid missionId, Guid? meetingId, Guid? visitId, Guid? agreementId, CancellationToken ct)
    {
        if (meetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting && m.MissionId == missionId, ct))
        {
            throw new DomainException("MeetingId", "No B2B meeting of this mission has that id.");
        }

        if (visitId is { } visit && !await db.Visits.AnyAsync(v => v.Id == visit && v.MissionId == missionId, ct))
        {
            throw new DomainException("VisitId", "No visit of this mission has that id.");
        }

        if (agreementId is { } agreement && !await (from a in db.CeremonyAgreements
                                                    join c in db.Ceremonies on a.CeremonyId equals c.Id
                                                    where a.Id == agreement && c.MissionId == missionId
                                                    select a.Id).AnyAsync(ct))
        {
            throw new DomainException("AgreementId", "No agreement of this mission's ceremonies has that id.");
        }
    }
}
