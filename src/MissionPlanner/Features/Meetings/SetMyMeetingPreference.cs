using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// In the preference round, a delegate marks a listed counterpart (or a counterpart a listed delegate) "must meet",
/// "would like" or "no thanks"; null takes the mark back. Refused when the round is not open (closed, past its
/// deadline, or the schedule is published and locked) or the other person is not in the directory.
/// </summary>
public sealed record SetMyMeetingPreferenceCommand(string Token, Guid WithId, MeetingInterest? Interest) : IRequest<Unit>;

public sealed class SetMyMeetingPreferenceHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<SetMyMeetingPreferenceCommand, Unit>
{
    public async Task<Unit> Handle(SetMyMeetingPreferenceCommand request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        (await MeetingPlans.GetAsync(db, me.Mission.Id, cancellationToken)).EnsurePreferencesOpen(now);
        var other = me.Party == MeetingParty.Delegate ? DirectoryKind.Counterpart : DirectoryKind.Delegate;
        var directory = await Directory.LoadAsync(db, me.Mission.Id, [other], new DirectoryFilter(), cancellationToken);
        if (directory.Entries.All(e => e.Id != request.WithId))
        {
            throw new DomainException("WithId", "This person is not in the directory: only people who agreed to be listed can be marked.");
        }

        var (delegateId, counterpartId) = me.Party == MeetingParty.Delegate ? (me.Id, request.WithId) : (request.WithId, me.Id);
        var mark = await db.MeetingPreferences.FirstOrDefaultAsync(p => p.MissionId == me.Mission.Id && p.DelegateId == delegateId
                                                                     && p.CounterpartId == counterpartId && p.From == me.Party, cancellationToken);
        if (request.Interest is not { } interest)
        {
            if (mark is not null)
            {
                db.MeetingPreferences.Remove(mark);
            }
        }
        else if (mark is null)
        {
            db.MeetingPreferences.Add(new MeetingPreference(me.Mission.Id, delegateId, counterpartId, me.Party, interest, now));
        }
        else
        {
            mark.Mark(interest, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
