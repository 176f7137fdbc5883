using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.FollowUp;

/// <summary>
/// Adds a follow-up action: what, who owns it (a person or an organisation, and the address its
/// reminders go to), the day it is due (mission time, not before today), and optionally the B2B
/// meeting, visit or signed agreement it follows up (an action on an agreement is one of its
/// implementation milestones).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddFollowUpActionCommand(
    string Title, string? Notes, string Owner, string OwnerEmail, DateOnly DueDate, Guid? MeetingId = null, Guid? VisitId = null, Guid? AgreementId = null)
    : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddFollowUpActionValidator : AbstractValidator<AddFollowUpActionCommand>
{
    public AddFollowUpActionValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(FollowUpAction.TitleMax).SingleLine();
        RuleFor(x => x.Notes).MaximumLength(FollowUpAction.NotesMax);
        RuleFor(x => x.Owner).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.OwnerEmail).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.DueDate).NotEmpty();
    }
}

public sealed class AddFollowUpActionHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<AddFollowUpActionCommand, Guid>
{
    public async Task<Guid> Handle(AddFollowUpActionCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        await FollowUpRules.EnsureLinksAsync(db, mission.Id, request.MeetingId, request.VisitId, request.AgreementId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new FollowUpAction(mission.Id, request.Title, request.Notes, request.Owner, request.OwnerEmail, request.DueDate,
            MissionTime.LocalDate(now, mission.TimeZone), now);
        action.Follow(request.MeetingId, request.VisitId, request.AgreementId);
        db.FollowUpActions.Add(action);
        await Documents.DocumentGeneration.RefreshReportAsync(db, request.MissionId, "the follow-up actions changed", clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return action.Id;
    }
}
