using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// An organiser's decision on one person: approve or decline a pending registration (declining
/// with a message for them), confirm someone from the waitlist (even beyond capacity: the
/// organisers' call), move someone confirmed to the end of the waitlist, which frees their
/// place for the first in line, or reinstate a cancelled registration (a place if there is one,
/// else the end of the waitlist; until the mission ends). The person is emailed the outcome.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DecideRegistrationCommand(RegistrationDecision Decision, string? Message = null) : IRequest<RegistrationStatus>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid RegistrationId { get; init; }
}

public sealed class DecideRegistrationValidator : AbstractValidator<DecideRegistrationCommand>
{
    public DecideRegistrationValidator()
    {
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.Message).MaximumLength(Registration.TextMax);
        RuleFor(x => x.Message).NotEmpty().When(x => x.Decision == RegistrationDecision.Decline)
            .WithMessage("Tell the person why, in a sentence or two: they receive this message.");
    }
}

public sealed class DecideRegistrationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock, CurrentUser user)
    : IRequestHandler<DecideRegistrationCommand, RegistrationStatus>
{
    public async Task<RegistrationStatus> Handle(DecideRegistrationCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        // Lock the mission row first, then read the registration: decisions on places are serialised.
        var arrival = await RegistrationPlaces.NextArrivalAsync(db, mission.Id, cancellationToken);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        switch (request.Decision)
        {
            case RegistrationDecision.Approve:
                // Only a pending registration takes a place here; Approve refuses any other.
                registration.Approve(registration.Status == RegistrationStatus.Pending && await RegistrationPlaces.TryConfirmAsync(db, mission.Id, cancellationToken),
                    arrival, now);
                break;
            case RegistrationDecision.Decline:
                registration.Decline(request.Message!, now);
                break;
            case RegistrationDecision.Confirm when registration.Status == RegistrationStatus.Waitlisted:
                await RegistrationPlaces.TryConfirmAsync(db, mission.Id, cancellationToken, evenIfFull: true);
                registration.Promote(now);
                break;
            case RegistrationDecision.Reinstate:
                if (!RegistrationCancellation.StillPossible(mission, now))
                {
                    throw new DomainException("Decision", "The mission is over: there is nothing left to reinstate a registration for.");
                }

                registration.Reopen(RegistrationAction.Reinstate, arrival, now);
                registration.Place(await RegistrationPlaces.TryConfirmAsync(db, mission.Id, cancellationToken));
                break;
            case RegistrationDecision.Confirm when registration.Status != RegistrationStatus.Waitlisted:
                RegistrationLifecycle.Ensure(RegistrationAction.Confirm, registration.Status);
                break;
            case RegistrationDecision.Waitlist:
                registration.MoveToWaitlist(arrival, now);
                await db.SaveChangesAsync(cancellationToken);
                await RegistrationPlaces.PromoteAsync(db, mission.Id, freedOne: true, now, cancellationToken, except: registration.Id);
                break;
            default:
                throw new DomainException("Decision", $"A {registration.Status.ToString().ToLowerInvariant()} registration cannot be {request.Decision.ToString().ToLowerInvariant()}ed.");
        }

        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, request.Decision.ToString().ToLowerInvariant(),
            $"organiser {user.OrganiserId}", request.Message is { Length: > 0 } m ? $"{registration.Status}: {m}" : registration.Status.ToString(), now));
        // Whoever was promoted (this person when confirmed from the waitlist, the next in line when they
        // were moved to it) is emailed by EmailPromotedRegistrations as this saves; the others are told here.
        if (request.Decision != RegistrationDecision.Confirm)
        {
            var token = await personalLinks.IssueAsync(mission, LinkPurpose.Registration, registration.Id, cancellationToken);
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, registration, links.Registration(token),
                await RegistrationPlaces.WaitlistPositionAsync(db, registration, cancellationToken), null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return registration.Status;
    }
}
