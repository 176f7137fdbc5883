using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Makes a signing ceremony of a programme item, with a run of show to start from.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateCeremonyCommand(Guid MissionId, Guid ProgrammeItemId) : IRequest<Guid>, IMissionRequest;

public sealed class CreateCeremonyHandler(AppDbContext db) : IRequestHandler<CreateCeremonyCommand, Guid>
{
    public async Task<Guid> Handle(CreateCeremonyCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ProgrammeItemId, cancellationToken)
            ?? throw new DomainException(nameof(request.ProgrammeItemId), "Choose a programme item of this mission.");
        if (item.Kind != ProgrammeItemKind.SigningCeremony)
        {
            throw new DomainException(nameof(request.ProgrammeItemId), $"'{item.Title}' is not a signing ceremony; make it one in the programme first.");
        }

        if (await db.Ceremonies.AnyAsync(c => c.ProgrammeItemId == item.Id, cancellationToken))
        {
            throw new DomainException(nameof(request.ProgrammeItemId), $"'{item.Title}' has its ceremony already.");
        }

        var ceremony = new Ceremony(request.MissionId, item.Id);
        db.Ceremonies.Add(ceremony);
        var length = (int)(item.EndsAt - item.StartsAt).TotalMinutes;
        // A usual shape, shortened to fit: organisers adjust it, and remarks follow from the speakers.
        var lines = new (string Title, string Owner, int Minutes)[]
        {
            ("Arrival of guests and signatories", "Protocol officer", 5), ("Welcome by the master of ceremonies", "Master of ceremonies", 3),
            ("Signing", "Signatories", 5), ("Exchange of documents", "Signatories", 2), ("Official photograph", "Photographer", 3),
        };
        var position = 0;
        var used = 0;
        foreach (var (title, owner, minutes) in lines.Where(l => l.Minutes <= length))
        {
            if (used + minutes > length)
            {
                break;
            }

            db.RunOfShowLines.Add(new RunOfShowLine(ceremony.Id, ++position, title, owner, 0, minutes));
            used += minutes;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ceremony.Id;
    }
}
