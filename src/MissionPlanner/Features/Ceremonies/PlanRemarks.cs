using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>
/// Puts a "Remarks by …" line per speaker into the run of show, in speaking order (the most senior
/// last), after the welcome (or first); earlier remarks lines are replaced. It must still fit.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PlanRemarksCommand(Guid MissionId, Guid CeremonyId, int MinutesEach) : IRequest<int>, IMissionRequest;

public sealed class PlanRemarksValidator : AbstractValidator<PlanRemarksCommand>
{
    public PlanRemarksValidator() => RuleFor(x => x.MinutesEach).InclusiveBetween(1, 60);
}

public sealed class PlanRemarksHandler(AppDbContext db) : IRequestHandler<PlanRemarksCommand, int>
{
    public const string Prefix = "Remarks by ";

    public async Task<int> Handle(PlanRemarksCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var people = await db.CeremonyPeople.AsNoTracking().Where(p => p.CeremonyId == ceremony.Id).ToListAsync(cancellationToken);
        var speakers = Protocol.SpeakingOrder(Protocol.Order(people.Select(p => p.ForProtocol()), Protocol.RoleRanks(ceremony.RoleRanks)));
        var titles = people.ToDictionary(p => p.Id, p => p.Title);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        db.RunOfShowLines.RemoveRange(lines.Where(l => l.Title.StartsWith(Prefix, StringComparison.Ordinal)));
        var kept = lines.Where(l => !l.Title.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var after = kept.FindIndex(l => l.Title.Contains("Welcome", StringComparison.OrdinalIgnoreCase)) + 1;
        var remarks = speakers.Select(p => new RunOfShowLine(ceremony.Id, 0, $"{Prefix}{p.Name}{(titles[p.Id] is { } t ? $", {t}" : "")}", p.Name, 0, request.MinutesEach)).ToList();
        var ordered = kept.Take(after).Concat(remarks).Concat(kept.Skip(after)).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }

        db.RunOfShowLines.AddRange(remarks);
        await CeremonyLookup.EnsureFitsAsync(db, ceremony, ordered, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return remarks.Count;
    }
}
