using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Ceremonies;

public sealed record CeremonyPersonView(
    Guid Id, CeremonyRole Role, string Name, string? Title, string Organisation, string? Email, Guid? PartyId, string? Party, int? Rank, int? TieBreak,
    bool Speaks, ConfirmationStatus Confirmation, int Reminders, Guid? RegistrationId);

public sealed record LineView(Guid Id, int Position, string Title, string? Owner, int GapBeforeMinutes, int Minutes, DateTime StartsLocal, DateTime EndsLocal);

public sealed record SeatView(int Position, string Name, string? Title, string Organisation, string? Party);

public sealed record PartyView(Guid Id, string Name);

public sealed record AgreementView(Guid Id, string Title, string Languages, int Originals, string? BroughtBy, AgreementStatus Status);

public sealed record TaskView(Guid Id, string Title, string Owner, string OwnerEmail, DateOnly DueDate, bool Done, bool Overdue, DateTime? RemindedAt);

public sealed record CeremonyView(
    Guid Id, Guid MissionId, string MissionTitle, Guid ProgrammeItemId, string Title, DateTime StartsLocal, DateTime EndsLocal, string? Venue,
    SeatingConvention Convention, string RoleRanks, Guid? HostPartyId, int SeatsPerRow, int Version,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<CeremonyPersonView> People, IReadOnlyList<string> Precedence,
    IReadOnlyList<string> Warnings, IReadOnlyList<CeremonyPersonView> SpeakingOrder, IReadOnlyList<CeremonyPersonView> SigningOrder,
    IReadOnlyList<CeremonyPersonView> PhotoLineUp, IReadOnlyList<SeatView> Table, IReadOnlyList<IReadOnlyList<SeatView>> FrontRows,
    IReadOnlyList<LineView> RunOfShow, IReadOnlyList<AgreementView> Agreements, IReadOnlyList<TaskView> Tasks)
{
    public int TasksDone => Tasks.Count(t => t.Done);

    public IReadOnlyList<CeremonyPersonView> StillToConfirm =>
        People.Where(p => p.Confirmation is ConfirmationStatus.Pending or ConfirmationStatus.NotAsked && CeremonyPerson.Confirms(p.Role)).ToList();
}

public sealed record CeremonySummary(Guid Id, Guid ProgrammeItemId, string Title, DateTime StartsLocal);

internal static class CeremonyViews
{
    public static async Task<CeremonyView> BuildAsync(AppDbContext db, Ceremony ceremony, DateTime now, CancellationToken ct)
    {
        var (item, mission) = await CeremonyLookup.ItemAsync(db, ceremony, ct);
        var zone = mission.TimeZone;
        var venue = item.VenueId is { } v ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var parties = await db.CeremonyParties.AsNoTracking().Where(p => p.CeremonyId == ceremony.Id).OrderBy(p => p.Name).ToListAsync(ct);
        var partyNames = parties.ToDictionary(p => p.Id, p => p.Name);
        var people = await db.CeremonyPeople.AsNoTracking().Where(p => p.CeremonyId == ceremony.Id).ToListAsync(ct);
        var views = people.ToDictionary(p => p.Id, p => new CeremonyPersonView(p.Id, p.Role, p.Name, p.Title, p.Organisation, p.Email, p.PartyId,
            p.PartyId is { } party ? partyNames[party] : null, p.Rank, p.TieBreak, p.Speaks, p.Confirmation, p.Reminders, p.RegistrationId));
        var order = Protocol.Order(people.Select(p => p.ForProtocol()), Protocol.RoleRanks(ceremony.RoleRanks));
        var seating = Protocol.Seating(order, ceremony.HostPartyId, ceremony.Convention, ceremony.SeatsPerRow);
        SeatView Seat(Seat s) => views[s.Person.Id] is var p ? new SeatView(s.Position, p.Name, p.Title, p.Organisation, p.Party) : null!;
        var lines = await db.RunOfShowLines.AsNoTracking().Where(l => l.CeremonyId == ceremony.Id).ToListAsync(ct);
        var timed = RunOfShow.Schedule(item.StartsAt, lines.Select(l => (l.Id, l.Position, l.Title, l.Owner, l.GapBeforeMinutes, l.Minutes)));
        var today = MissionTime.LocalDate(now, zone);
        var tasks = await db.CeremonyTasks.AsNoTracking().Where(t => t.CeremonyId == ceremony.Id).OrderBy(t => t.DueDate).ThenBy(t => t.Title).ToListAsync(ct);
        return new CeremonyView(ceremony.Id, mission.Id, mission.Title, item.Id, item.Title, MissionTime.ToLocal(item.StartsAt, zone), MissionTime.ToLocal(item.EndsAt, zone),
            venue, ceremony.Convention, ceremony.RoleRanks, ceremony.HostPartyId, ceremony.SeatsPerRow, ceremony.Version,
            parties.Select(p => new PartyView(p.Id, p.Name)).ToList(), order.Select(r => views[r.Person.Id]).ToList(), order.Select(r => r.Why).ToList(),
            Protocol.Warnings(order), Protocol.SpeakingOrder(order).Select(p => views[p.Id]).ToList(), Protocol.SigningOrder(order).Select(p => views[p.Id]).ToList(),
            Protocol.PhotoLineUp(order).Select(p => views[p.Id]).ToList(), seating.Table.Select(Seat).ToList(),
            seating.FrontRows.Select(r => (IReadOnlyList<SeatView>)r.Select(Seat).ToList()).ToList(),
            timed.Select(t => new LineView(t.Id, t.Position, t.Title, t.Owner, t.GapBeforeMinutes, t.Minutes, MissionTime.ToLocal(t.StartsAt, zone), MissionTime.ToLocal(t.EndsAt, zone))).ToList(),
            (await db.CeremonyAgreements.AsNoTracking().Where(a => a.CeremonyId == ceremony.Id).OrderBy(a => a.Title).ToListAsync(ct))
                .Select(a => new AgreementView(a.Id, a.Title, a.Languages, a.Originals, a.BroughtBy, a.Status)).ToList(),
            tasks.Select(t => new TaskView(t.Id, t.Title, t.Owner, t.OwnerEmail, t.DueDate, t.Done, !t.Done && t.DueDate < today, t.RemindedAt)).ToList());
    }
}
