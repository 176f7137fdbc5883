namespace MissionPlanner.Domain.Travel;

/// <summary>
/// Proposes rooms for delegates who asked for accommodation and have none: two who asked to share get one double or
/// twin room; everyone else a room of their own (the planner never puts strangers together). Rooms are only taken among
/// those held, and a room is used by one party per night. Preferences, in order: an accessible room for someone with
/// accessibility needs (accessible rooms are kept for them otherwise), a block whose nights cover the stay, no double
/// room for one guest while singles are free, a twin before a double for two who share. Accessible parties go first, then by check-in. O(parties × rooms held ×
/// stays in a room); 200 delegates in 150 rooms take well under a millisecond (bench/, <c>rooms</c>).
/// </summary>
public static class RoomPlanner
{
    /// <summary>A block as the planner sees it; <paramref name="SeparateBeds"/> for twin rooms, which two colleagues get before a double.</summary>
    public sealed record Block(Guid Id, int Capacity, bool Accessible, DateOnly FirstNight, DateOnly LastNight, int RoomsHeld, bool SeparateBeds = false);

    /// <summary>One or two guests to lodge together for [CheckIn, CheckOut).</summary>
    public sealed record Party(IReadOnlyList<Guid> People, DateOnly CheckIn, DateOnly CheckOut, bool NeedsAccessible);

    /// <summary>A room already in use for some nights.</summary>
    public sealed record Stay(Guid BlockId, int Room, DateOnly CheckIn, DateOnly CheckOut);

    /// <summary>A party's proposed room.</summary>
    public sealed record Placement(Party Party, Guid BlockId, int Room);

    /// <returns>The placements made; parties without one found no free room.</returns>
    public static IReadOnlyList<Placement> Propose(IReadOnlyList<Block> blocks, IReadOnlyList<Stay> taken, IReadOnlyList<Party> parties)
    {
        var used = taken.ToLookup(s => (s.BlockId, s.Room)).ToDictionary(g => g.Key, g => g.Select(s => (s.CheckIn, s.CheckOut)).ToList());
        var placements = new List<Placement>();
        var ordered = parties.OrderByDescending(p => p.NeedsAccessible).ThenByDescending(p => p.People.Count).ThenBy(p => p.CheckIn)
            .ThenBy(p => p.People[0]).ToList();
        foreach (var party in ordered)
        {
            var size = party.People.Count;
            var candidates = blocks.Where(b => b.Capacity >= size)
                .OrderBy(b => party.NeedsAccessible && !b.Accessible ? 1 : 0)
                .ThenBy(b => OutsideNights(b, party))
                .ThenBy(b => b.Capacity - size)
                .ThenBy(b => size > 1 && !b.SeparateBeds ? 1 : 0)
                .ThenBy(b => !party.NeedsAccessible && b.Accessible ? 1 : 0)
                .ThenBy(b => b.Id);
            foreach (var block in candidates)
            {
                var room = FreeRoom(block, party, used);
                if (room is { } r)
                {
                    if (!used.TryGetValue((block.Id, r), out var stays))
                    {
                        used[(block.Id, r)] = stays = [];
                    }

                    stays.Add((party.CheckIn, party.CheckOut));
                    placements.Add(new Placement(party, block.Id, r));
                    break;
                }
            }
        }

        return placements;
    }

    /// <summary>Nights of the stay the block does not cover.</summary>
    public static int OutsideNights(Block block, Party party)
    {
        var nights = party.CheckOut.DayNumber - party.CheckIn.DayNumber;
        var from = Math.Max(party.CheckIn.DayNumber, block.FirstNight.DayNumber);
        var to = Math.Min(party.CheckOut.DayNumber - 1, block.LastNight.DayNumber);
        return nights - Math.Max(0, to - from + 1);
    }

    private static int? FreeRoom(Block block, Party party, Dictionary<(Guid, int), List<(DateOnly CheckIn, DateOnly CheckOut)>> used)
    {
        for (var room = 1; room <= block.RoomsHeld; room++)
        {
            if (!used.TryGetValue((block.Id, room), out var stays) || !stays.Exists(s => s.CheckIn < party.CheckOut && party.CheckIn < s.CheckOut))
            {
                return room;
            }
        }

        return null;
    }
}
