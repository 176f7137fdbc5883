using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// The participant ranks the visits they want, best first, until the organisers' deadline or the
/// schedule is locked. Visits left out are ones they do not want.
/// </summary>
public sealed record SetMyVisitPreferencesCommand(string Token, IReadOnlyList<Guid> Ranked) : IRequest<Unit>;

public sealed class SetMyVisitPreferencesValidator : AbstractValidator<SetMyVisitPreferencesCommand>
{
    public SetMyVisitPreferencesValidator()
    {
        RuleFor(x => x.Ranked).NotNull().Must(r => r.Count <= 30).WithMessage("Rank at most 30 visits.");
        RuleForEach(x => x.Ranked).NotEmpty();
    }
}

public sealed class SetMyVisitPreferencesHandler(AppDbContext db, PersonalLinks personalLinks, TimeProvider clock) : IRequestHandler<SetMyVisitPreferencesCommand, Unit>
{
    public async Task<Unit> Handle(SetMyVisitPreferencesCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == registration.MissionId, cancellationToken)
            ?? new VisitPlan(registration.MissionId);
        if (VisitPreferenceRules.WhyClosed(registration, plan, clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            throw new DomainException("Ranked", closed);
        }

        var open = await db.Visits.AsNoTracking()
            .Where(v => v.MissionId == registration.MissionId && !v.Cancelled && v.HostResponse != HostResponse.Declined)
            .Select(v => v.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < request.Ranked.Count; i++)
        {
            if (!open.Contains(request.Ranked[i]))
            {
                throw new DomainException($"Ranked[{i}]", $"Choice {i + 1} is not a visit of this mission (it may have been cancelled).");
            }

            if (request.Ranked.Take(i).Contains(request.Ranked[i]))
            {
                throw new DomainException($"Ranked[{i}]", $"Choice {i + 1} repeats an earlier choice; rank each visit once.");
            }
        }

        db.VisitPreferences.RemoveRange(await db.VisitPreferences.Where(p => p.RegistrationId == registration.Id).ToListAsync(cancellationToken));
        db.VisitPreferences.AddRange(request.Ranked.Select((id, i) => new VisitPreference(registration.MissionId, registration.Id, id, i + 1)));
        db.RegistrationAudits.Add(new RegistrationAudit(registration.MissionId, registration.Id, "visit preferences",
            "participant", $"{request.Ranked.Count} visit(s) ranked", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
