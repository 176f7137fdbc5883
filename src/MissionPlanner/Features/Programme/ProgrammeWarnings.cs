using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Programme;

public enum ProgrammeWarningKind
{
    DoubleBooked,
    TooLittleTravelTime,
    OutsideOpeningHours,

    /// <summary>People in an item who arrive after it starts or leave before it ends (their travel).</summary>
    OutsideStay,
}

public sealed record ProgrammeWarning(ProgrammeWarningKind Kind, string Message, IReadOnlyList<Guid> ItemIds, IReadOnlyList<string> People);

/// <summary>
/// Plans that cannot work, found from each confirmed person's own programme: someone in two
/// items at once, too little time to get from one venue to the next (travel times set per pair of
/// venues), items outside their venue's opening hours, and people in an item who arrive after it starts or leave before
/// it ends (their travel legs, else the dates on their registration). Warnings, not errors: organisers
/// decide, e.g. while they are still moving people between visit groups.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetProgrammeWarningsQuery(Guid MissionId) : IRequest<IReadOnlyList<ProgrammeWarning>>, IMissionRequest;

public sealed class GetProgrammeWarningsHandler(AppDbContext db) : IRequestHandler<GetProgrammeWarningsQuery, IReadOnlyList<ProgrammeWarning>>
{
    public async Task<IReadOnlyList<ProgrammeWarning>> Handle(GetProgrammeWarningsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var zone = mission.TimeZone;
        var items = await db.ProgrammeItems.AsNoTracking().Where(p => p.MissionId == mission.Id && !p.Cancelled).OrderBy(p => p.StartsAt).ToListAsync(cancellationToken);
        var venues = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id).ToDictionaryAsync(v => v.Id, cancellationToken);
        var travel = await db.VenueTravelTimes.AsNoTracking().Where(t => t.MissionId == mission.Id)
            .ToDictionaryAsync(t => (t.FromVenueId, t.ToVenueId), t => t.Minutes, cancellationToken);
        var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(x => items.Select(i => i.Id).Contains(x.ProgrammeItemId)).ToListAsync(cancellationToken))
            .ToLookup(x => x.RegistrationId, x => x.ProgrammeItemId);
        var people = await db.Registrations.AsNoTracking().Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed)
            .Select(r => new { r.Id, r.Name, r.Sector }).ToListAsync(cancellationToken);

        string Time(ProgrammeItem i) => $"{MissionTime.ToLocal(i.StartsAt, zone):ddd HH:mm}–{MissionTime.ToLocal(i.EndsAt, zone):HH:mm}";
        var warnings = new List<ProgrammeWarning>();
        foreach (var item in items.Where(i => i.VenueId is { } v && venues[v].OpensAt is not null))
        {
            var venue = venues[item.VenueId!.Value];
            var from = MissionTime.ToLocal(item.StartsAt, zone);
            var to = MissionTime.ToLocal(item.EndsAt, zone);
            if (TimeOnly.FromDateTime(from) < venue.OpensAt || TimeOnly.FromDateTime(to) > venue.ClosesAt || from.Date != to.Date)
            {
                warnings.Add(new ProgrammeWarning(ProgrammeWarningKind.OutsideOpeningHours,
                    $"'{item.Title}' ({Time(item)}) is outside the opening hours of {venue.Name} ({venue.OpensAt:HH\\:mm}–{venue.ClosesAt:HH\\:mm}).", [item.Id], []));
            }
        }

        var pairs = new Dictionary<(Guid, Guid, ProgrammeWarningKind), List<string>>();
        var stays = await Travel.Stays.ForMissionAsync(db, mission.Id, cancellationToken);
        var away = new Dictionary<Guid, List<string>>();
        foreach (var person in people)
        {
            var sector = person.Sector.ToString();
            var mine = items.Where(i => i.Audience == Audience.Everyone
                                        || i.Audience == Audience.Sectors && i.AudienceSectors.Split(',').Contains(sector)
                                        || i.Audience == Audience.People && chosen[person.Id].Contains(i.Id)).ToList();
            if (stays.GetValueOrDefault(person.Id) is { } stay)
            {
                foreach (var item in mine.Where(i => i.Kind != ProgrammeItemKind.B2BMeetings && !stay.Covers(i.StartsAt, i.EndsAt)))
                {
                    var why = stay.Arrival is { } arrives && arrives > item.StartsAt
                        ? $"arrives {Travel.Stays.When(arrives, mission)}"
                        : $"leaves {Travel.Stays.When(stay.Departure!.Value, mission)}";
                    (away.TryGetValue(item.Id, out var list) ? list : away[item.Id] = []).Add($"{person.Name} ({why})");
                }
            }

            for (var a = 0; a < mine.Count; a++)
            {
                for (var b = a + 1; b < mine.Count && mine[b].StartsAt < mine[a].EndsAt; b++)
                {
                    // People are at a B2B session only for their own meetings, which are items of their own and checked as such.
                    if (mine[a].Kind != ProgrammeItemKind.B2BMeetings && mine[b].Kind != ProgrammeItemKind.B2BMeetings)
                    {
                        Add(mine[a].Id, mine[b].Id, ProgrammeWarningKind.DoubleBooked, person.Name);
                    }
                }

                if (a + 1 < mine.Count && mine[a + 1].StartsAt >= mine[a].EndsAt && mine[a].VenueId is { } here && mine[a + 1].VenueId is { } there && here != there)
                {
                    var key = here.CompareTo(there) < 0 ? (here, there) : (there, here);
                    if (travel.TryGetValue(key, out var minutes) && (mine[a + 1].StartsAt - mine[a].EndsAt).TotalMinutes < minutes)
                    {
                        Add(mine[a].Id, mine[a + 1].Id, ProgrammeWarningKind.TooLittleTravelTime, person.Name);
                    }
                }
            }
        }

        var byId = items.ToDictionary(i => i.Id);
        foreach (var ((first, second, kind), names) in pairs)
        {
            var (x, y) = (byId[first], byId[second]);
            var who = names.Count == 1 ? names[0] : $"{names.Count} people ({string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", …" : "")})";
            var message = kind == ProgrammeWarningKind.DoubleBooked
                ? $"{who} would be in '{x.Title}' ({Time(x)}) and '{y.Title}' ({Time(y)}) at the same time."
                : $"{who} would have {(y.StartsAt - x.EndsAt).TotalMinutes:0} minutes to get from {venues[x.VenueId!.Value].Name} ('{x.Title}') to {venues[y.VenueId!.Value].Name} ('{y.Title}'), which takes {travel[x.VenueId!.Value.CompareTo(y.VenueId!.Value) < 0 ? (x.VenueId.Value, y.VenueId.Value) : (y.VenueId.Value, x.VenueId.Value)]} minutes.";
            warnings.Add(new ProgrammeWarning(kind, message, [first, second], names));
        }

        foreach (var item in items.Where(i => away.ContainsKey(i.Id)))
        {
            var names = away[item.Id];
            warnings.Add(new ProgrammeWarning(ProgrammeWarningKind.OutsideStay,
                $"'{item.Title}' ({Time(item)}) is outside the stay of {string.Join(", ", names.Take(5))}{(names.Count > 5 ? $" and {names.Count - 5} more" : "")}.",
                [item.Id], names));
        }

        return warnings;

        void Add(Guid first, Guid second, ProgrammeWarningKind kind, string name)
        {
            if (!pairs.TryGetValue((first, second, kind), out var names))
            {
                pairs[(first, second, kind)] = names = [];
            }

            names.Add(name);
        }
    }
}
