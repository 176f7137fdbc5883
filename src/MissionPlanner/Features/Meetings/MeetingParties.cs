using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>Who holds a link: a confirmed delegate or a counterpart of the mission, with what the other side is shown.</summary>
internal sealed record MeetingPerson(MeetingParty Party, Guid Id, Mission Mission, string Name, string Organisation, string Email);

/// <summary>Who a B2B link belongs to and whom a request concerns; shared by the meeting-request use cases.</summary>
internal static class MeetingParties
{
    /// <summary>The holder of a registration link (a confirmed delegate) or of a counterpart link; anything else is "not found".</summary>
    public static async Task<MeetingPerson> WhoAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct)
    {
        try
        {
            var link = await links.FindAsync(LinkPurpose.Registration, token, ct);
            var registration = await db.Registrations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == link.SubjectId && r.ErasedAt == null && r.Status == RegistrationStatus.Confirmed, ct)
                ?? throw new NotFoundException("Registration");
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, ct);
            return new MeetingPerson(MeetingParty.Delegate, registration.Id, mission, registration.Name, registration.Organisation, registration.Email);
        }
        catch (NotFoundException)
        {
            var counterpart = await Counterparts.ByLinkAsync(db, links, token, ct);
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, ct);
            return new MeetingPerson(MeetingParty.Counterpart, counterpart.Id, mission, counterpart.Name, counterpart.Organisation, counterpart.Email);
        }
    }

    public static async Task<MeetingPerson> PersonAsync(AppDbContext db, Mission mission, MeetingParty party, Guid id, CancellationToken ct)
    {
        if (party == MeetingParty.Delegate)
        {
            var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            return new MeetingPerson(party, id, mission, r.Name, r.Organisation, r.Email);
        }

        var c = await db.Counterparts.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return new MeetingPerson(party, id, mission, c.Name, c.Organisation, c.Email);
    }

    /// <summary>A personal link for the email that leaves the one the person already uses working: requests come often.</summary>
    /// <summary>A new link to the person's meetings, beside the ones they have; working at least until <paramref name="worksUntilAtLeast"/> when given.</summary>
    public static string LinkFor(PersonalLinks links, PublicLinks publicLinks, MeetingPerson person, DateTime? worksUntilAtLeast = null) =>
        person.Party == MeetingParty.Delegate
            ? publicLinks.Registration(links.IssueAlongside(person.Mission, LinkPurpose.Registration, person.Id, worksUntilAtLeast)) + "/meetings"
            : publicLinks.Counterpart(links.IssueAlongside(person.Mission, LinkPurpose.Counterpart, person.Id, worksUntilAtLeast));

    public static async Task<MeetingRequest> MineAsync(AppDbContext db, MeetingPerson me, Guid requestId, CancellationToken ct) =>
        await db.MeetingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.MissionId == me.Mission.Id
                                                          && (me.Party == MeetingParty.Delegate ? r.DelegateId == me.Id : r.CounterpartId == me.Id), ct)
        ?? throw new NotFoundException("Meeting request");

    public static async Task<Dictionary<Guid, (string Name, string Organisation)>> NamesAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var names = (await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && r.ErasedAt == null)
                .Select(r => new { r.Id, r.Name, r.Organisation }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => (r.Name, r.Organisation));
        foreach (var c in await db.Counterparts.AsNoTracking().Where(c => c.MissionId == missionId && c.RemovedAt == null)
                     .Select(c => new { c.Id, c.Name, c.Organisation }).ToListAsync(ct))
        {
            names[c.Id] = (c.Name, c.Organisation);
        }

        return names;
    }
}
