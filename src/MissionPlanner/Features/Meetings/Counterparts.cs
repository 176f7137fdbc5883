using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

internal static class Counterparts
{
    public static async Task<Counterpart> FindAsync(AppDbContext db, Guid missionId, Guid id, CancellationToken ct, bool tracked = true) =>
        await (tracked ? db.Counterparts : db.Counterparts.AsNoTracking()).FirstOrDefaultAsync(c => c.MissionId == missionId && c.Id == id && c.RemovedAt == null, ct)
        ?? throw new NotFoundException("Counterpart");

    /// <summary>A new counterpart, or one removed before with the same address back in the list (one row per address and mission).</summary>
    public static async Task<Counterpart> AddOrRestoreAsync(AppDbContext db, AddCounterpartCommand fields, DateTime now, CancellationToken ct)
    {
        var counterpart = await db.Counterparts.FirstOrDefaultAsync(c => c.MissionId == fields.MissionId && c.Email == fields.Email && c.RemovedAt != null, ct);
        if (counterpart is null)
        {
            counterpart = new Counterpart(fields.MissionId, fields.Name, fields.Email, fields.Organisation, fields.Sector, fields.Country, now);
            db.Counterparts.Add(counterpart);
        }
        else
        {
            counterpart.Restore(now);
            counterpart.Update(fields.Name, fields.Email, fields.Organisation, fields.Sector, fields.Country, now);
        }

        counterpart.SetProfile(Counterpart.SplitTopics(fields.Topics), fields.Offers, fields.Seeks, fields.Profile, listed: false, now);
        return counterpart;
    }

    /// <summary>Refuses an address another counterpart of the mission has (a removed one may be added again).</summary>
    public static async Task EnsureNewAddressAsync(AppDbContext db, Guid missionId, string email, Guid? except, CancellationToken ct)
    {
        if (await db.Counterparts.AnyAsync(c => c.MissionId == missionId && c.Email == email && c.Id != except && c.RemovedAt == null, ct))
        {
            throw new DomainException("Email", $"{email} is already a counterpart of this mission.");
        }
    }

    /// <summary>The counterpart behind a personal link; a wrong, expired or revoked link, or a removed counterpart, is "not found".</summary>
    public static async Task<Counterpart> ByLinkAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct, bool tracked = false)
    {
        var link = await links.FindAsync(LinkPurpose.Counterpart, token, ct);
        return await (tracked ? db.Counterparts : db.Counterparts.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == link.SubjectId && c.RemovedAt == null, ct)
               ?? throw new NotFoundException("Counterpart");
    }
}
