using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

/// <summary>
/// Deletes a programme item; its people are told. A published B2B meeting is removed on the B2B meetings page instead. A B2B
/// meetings session takes its meetings with it, and their published items (their people are told), unless one has begun:
/// then it is refused, as those meetings and their outcomes are history (cancel the item instead). So is an item a survey asks
/// about: a sent one holds answers (cancel the item instead), one not sent yet is to be deleted or moved first.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteProgrammeItemCommand(Guid MissionId, Guid ItemId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<DeleteProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        if (item.Kind == ProgrammeItemKind.B2BMeeting)
        {
            throw new DomainException("ItemId", "This is a published B2B meeting: remove it on the B2B meetings page and publish again.");
        }

        if (item.Kind == ProgrammeItemKind.B2BMeetings)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var meetings = await db.Meetings.Where(m => m.SessionId == item.Id).ToListAsync(cancellationToken);
            if (meetings.Any(m => m.HasBegun(now)))
            {
                throw new DomainException("ItemId", "Meetings of this session have taken place: cancel the item instead, so that they and what came of them are kept.");
            }

            var published = meetings.Where(m => m.ProgrammeItemId is not null).Select(m => m.ProgrammeItemId!.Value).ToList();
            foreach (var meetingItem in await db.ProgrammeItems.Where(p => published.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                meetingItem.Remove();
                db.ProgrammeItems.Remove(meetingItem);
            }
        }

        // A survey that went out holds people's answers about the item: those are history too. One not sent yet is the
        // organisers' work: it is not deleted behind their back either.
        var surveys = await db.Surveys.Where(s => s.ProgrammeItemId == item.Id).ToListAsync(cancellationToken);
        if (surveys.Any(s => !s.CanChange))
        {
            throw new DomainException("ItemId", "A survey about this item has been sent and holds answers: cancel the item instead, so that they are kept.");
        }

        if (surveys.Count > 0)
        {
            throw new DomainException("ItemId",
                $"The survey '{surveys[0].Title}' asks about this item: delete it, or make it about the whole mission, before deleting the item.");
        }

        item.Remove();
        db.ProgrammeItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
