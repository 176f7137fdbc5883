using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.FollowUp;

/// <summary>
/// Changes a follow-up action and where it stands (Open, InProgress, Done, Dropped): a PUT replaces
/// it, so every field is sent, its link included (a link left out is removed). Status and Version
/// are required; Version is the one last read: someone else's change in between is refused as a
/// conflict, not overwritten. A new due day gets new reminders.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateFollowUpActionCommand(
    string Title, string? Notes, string Owner, string OwnerEmail, DateOnly DueDate, ActionStatus? Status, int? Version,
    Guid? MeetingId = null, Guid? VisitId = null, Guid? AgreementId = null)
    : IRequest, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ActionId { get; init; }
}

public sealed class UpdateFollowUpActionValidator : AbstractValidator<UpdateFollowUpActionCommand>
{
    public UpdateFollowUpActionValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(FollowUpAction.TitleMax).SingleLine();
        RuleFor(x => x.Notes).MaximumLength(FollowUpAction.NotesMax);
        RuleFor(x => x.Owner).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.OwnerEmail).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.DueDate).NotEmpty();
        // Required, not defaulted: a PUT without them must not reopen an action or pass as a conflict.
        RuleFor(x => x.Status).NotNull().IsInEnum();
        RuleFor(x => x.Version).NotNull();
    }
}

public sealed class UpdateFollowUpActionHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<UpdateFollowUpActionCommand>
{
    public async Task<Unit> Handle(UpdateFollowUpActionCommand request, CancellationToken cancellationToken)
    {
        var action = await db.FollowUpActions.FirstOrDefaultAsync(a => a.MissionId == request.MissionId && a.Id == request.ActionId, cancellationToken)
                     ?? throw new NotFoundException("Action");
        await FollowUpRules.EnsureLinksAsync(db, request.MissionId, request.MeetingId, request.VisitId, request.AgreementId, cancellationToken);
        db.ExpectVersion(action, request.Version!.Value);
        action.Change(request.Title, request.Notes, request.Owner, request.OwnerEmail, request.DueDate);
        action.Follow(request.MeetingId, request.VisitId, request.AgreementId);
        action.SetStatus(request.Status!.Value, clock.GetUtcNow().UtcDateTime);
        await Documents.DocumentGeneration.RefreshReportAsync(db, request.MissionId, "the follow-up actions changed", clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
