using System.Globalization;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Bench;

/// <summary>
/// Room proposals (<see cref="RoomPlanner"/>) for a delegation: a third share a twin room in pairs, one in twenty needs an
/// accessible room, stays of one to four nights from a seed; three hotels with single, twin and accessible blocks held at
/// 110% of the busiest night. The baseline of the same run sorts the parties by check-in alone. Each proposal is checked:
/// nobody placed twice, no room sleeping more than its type on any night, every accessible need in an accessible room.
/// </summary>
internal static class RoomBench
{
    private static readonly DateOnly First = new(2027, 1, 16);

    public static Task RunAsync(string[] args)
    {
        var seed = args.Contains("--seed") ? int.Parse(args[Array.IndexOf(args, "--seed") + 1], CultureInfo.InvariantCulture) : 7;
        Console.WriteLine($"Room proposals: planner vs sorting the stays (seed {seed}); median of 21 runs after 5 warm-ups");
        Console.WriteLine("| delegates | baseline: sort the stays, ms | planner ms | ratio to baseline | rooms held | delegates placed | overfilled rooms | accessible needs met |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var people in new[] { 200, 1000 })
        {
            var (blocks, parties) = Generate(seed, people);
            var sort = Timing.MedianMilliseconds(() => parties.OrderBy(p => p.CheckIn).ThenBy(p => p.People[0]).ToList());
            var plan = Timing.MedianMilliseconds(() => RoomPlanner.Propose(blocks, [], parties));
            var placed = RoomPlanner.Propose(blocks, [], parties);
            var (overfilled, accessible) = Check(blocks, placed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {people} | {sort:F3} | {plan:F3} | {plan / sort:F2} | {blocks.Sum(b => b.RoomsHeld)} | {placed.Sum(p => p.Party.People.Count)} of {people} | {overfilled} | {accessible} |"));
        }

        Console.WriteLine();
        return Task.CompletedTask;
    }

    private static (int Overfilled, string Accessible) Check(IReadOnlyList<RoomPlanner.Block> blocks, IReadOnlyList<RoomPlanner.Placement> placed)
    {
        var byId = blocks.ToDictionary(b => b.Id);
        var nights = placed.SelectMany(p => Enumerable.Range(p.Party.CheckIn.DayNumber, p.Party.CheckOut.DayNumber - p.Party.CheckIn.DayNumber)
            .Select(n => (p.BlockId, p.Room, Night: n, Guests: p.Party.People.Count)));
        var overfilled = nights.GroupBy(n => (n.BlockId, n.Room, n.Night)).Count(g => g.Sum(n => n.Guests) > byId[g.Key.BlockId].Capacity
                                                                                        || g.Count() > 1);
        if (placed.SelectMany(p => p.Party.People).Distinct().Count() != placed.Sum(p => p.Party.People.Count))
        {
            throw new InvalidOperationException("Someone was placed twice.");
        }

        var needs = placed.Where(p => p.Party.NeedsAccessible).ToList();
        return (overfilled, $"{needs.Count(p => byId[p.BlockId].Accessible)} of {needs.Count}");
    }

    private static (List<RoomPlanner.Block> Blocks, List<RoomPlanner.Party> Parties) Generate(int seed, int people)
    {
        var random = new Random(seed * 7919 + people);
        var parties = new List<RoomPlanner.Party>();
        var count = 0;
        while (count < people)
        {
            var checkIn = First.AddDays(random.Next(0, 2));
            var checkOut = checkIn.AddDays(random.Next(1, 5));
            var pair = count + 1 < people && random.NextDouble() < 1.0 / 6; // a third of the delegates in pairs
            var accessible = !pair && random.NextDouble() < 0.05;
            parties.Add(new RoomPlanner.Party(pair ? [Guid.NewGuid(), Guid.NewGuid()] : [Guid.NewGuid()], checkIn, checkOut, accessible));
            count += pair ? 2 : 1;
        }

        // Held at 110% of the busiest night, split over three hotels.
        int Peak(Func<RoomPlanner.Party, bool> which) => Enumerable.Range(First.DayNumber, 6)
            .Max(n => parties.Count(p => which(p) && p.CheckIn.DayNumber <= n && n < p.CheckOut.DayNumber));
        var singles = (int)Math.Ceiling(Peak(p => p.People.Count == 1 && !p.NeedsAccessible) * 1.1 / 3);
        var twins = (int)Math.Ceiling(Peak(p => p.People.Count == 2) * 1.1 / 3);
        var step = (int)Math.Ceiling(Peak(p => p.NeedsAccessible) * 1.1 / 3);
        var last = First.AddDays(5);
        var blocks = Enumerable.Range(0, 3).SelectMany(_ => new[]
        {
            new RoomPlanner.Block(Guid.NewGuid(), 1, false, First, last, singles),
            new RoomPlanner.Block(Guid.NewGuid(), 2, false, First, last, twins),
            new RoomPlanner.Block(Guid.NewGuid(), 1, true, First, last, Math.Max(1, step)),
        }).ToList();
        return (blocks, parties);
    }
}
