using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// The host answers for one visit: confirm, decline, or propose a change (another time in words, a
/// different group size). Anything but a confirmation reopens the visit's scheduling and tells the
/// participants placed on it.
/// </summary>
public sealed record RespondToVisitCommand(string Token, Guid VisitId, HostResponse Response, string? Message, int? MaxGroupSize = null) : IRequest<Unit>;

public sealed class RespondToVisitValidator : AbstractValidator<RespondToVisitCommand>
{
    public RespondToVisitValidator()
    {
        RuleFor(x => x.Response).IsInEnum().NotEqual(HostResponse.Pending).WithMessage("Choose confirm, decline or propose a change.");
        RuleFor(x => x.Message).MaximumLength(2000);
        RuleFor(x => x.Message).NotEmpty().When(x => x.Response == HostResponse.Declined)
            .WithMessage("Please tell the organisers why, so they can plan around it.");
        RuleFor(x => x.Message).NotEmpty().When(x => x.Response == HostResponse.ChangeProposed && x.MaxGroupSize is null)
            .WithMessage("Describe the change you propose (e.g. another time), or give a new group size.");
        RuleFor(x => x.MaxGroupSize).InclusiveBetween(1, 500);
    }
}

public sealed class RespondToVisitHandler(AppDbContext db, PersonalLinks personalLinks, OutboxWriter outbox, TimeProvider clock) : IRequestHandler<RespondToVisitCommand, Unit>
{
    public async Task<Unit> Handle(RespondToVisitCommand request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var visit = (await HostTokens.VisitsAsync(db, host, request.VisitId, cancellationToken, tracked: true)).SingleOrDefault()
            ?? throw new NotFoundException("Visit");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        visit.Respond(request.Response, request.Message, now);
        if (request.Response == HostResponse.ChangeProposed && request.MaxGroupSize is { } size)
        {
            visit.ChangeGroupSize(size);
        }

        if (request.Response != HostResponse.Confirmed)
        {
            var affected = await (from a in db.VisitAssignments
                                  join r in db.Registrations on a.RegistrationId equals r.Id
                                  where a.VisitId == visit.Id && r.Status == RegistrationStatus.Confirmed
                                  select new { r.Name, r.Email }).Distinct().ToListAsync(cancellationToken);
            var change = request.Response == HostResponse.Declined
                ? "The host cannot receive this visit after all. The organisers will offer you another visit where they can."
                : "The host has asked to change this visit. The organisers will confirm your time; until then your programme may change.";
            foreach (var person in affected)
            {
                await outbox.EnqueueAsync("visit-update", person.Email, person.Name,
                    new EmailModels.VisitUpdate(person.Name, mission.Title, visit.Title, change), mission.Id, $"visit-{visit.Id:N}-{now:yyyyMMddHHmmss}", cancellationToken);
            }

            var plan = await VisitPlans.GetAsync(db, mission.Id, cancellationToken);
            plan.Unlock();
            plan.Changed();
            if (request.Response == HostResponse.Declined)
            {
                db.VisitAssignments.RemoveRange(await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(cancellationToken));
            }
            else
            {
                await VisitEditing.DropAssignmentsThatNoLongerFitAsync(db, visit, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
