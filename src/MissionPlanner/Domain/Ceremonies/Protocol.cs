using System.Globalization;

namespace MissionPlanner.Domain.Ceremonies;

/// <summary>What someone does at a ceremony; the default order of precedence follows it.</summary>
public enum CeremonyRole
{
    HeadOfMission,
    Minister,
    Director,
    Dignitary,
    Signatory,
    Witness,
    MasterOfCeremonies,
    Press,
    Photographer,
}

/// <summary>Which side of the signing table the host party takes, as seen from the audience.</summary>
public enum SeatingConvention
{
    HostOnTheRight,
    HostOnTheLeft,
}

/// <summary>Someone as the protocol rules see them.</summary>
public sealed record ProtocolPerson(Guid Id, string Name, CeremonyRole Role, Guid? PartyId, int? Rank, int? TieBreak, bool Speaks);

/// <summary>A person in order, with the rank used and why.</summary>
public sealed record Ranked(ProtocolPerson Person, int Rank, string Why);

public sealed record Seat(int Position, ProtocolPerson Person);

/// <summary>The signing table from the audience's left to right, and the front rows (row 1 first), each left to right.</summary>
public sealed record SeatingPlan(IReadOnlyList<Seat> Table, IReadOnlyList<IReadOnlyList<Seat>> FrontRows);

/// <summary>
/// The rules of precedence: a rank per person (lower goes first) from their role unless an organiser
/// set one, ties broken by an explicit tie-break and then by name — with a warning when two
/// signatories of one party share a rank without a tie-break, because that order is then arbitrary.
/// One order serves speaking (most senior speaks last), signing, seating and the photograph.
/// </summary>
public static class Protocol
{
    /// <summary>The default ranks per role; a ceremony may override any of them.</summary>
    public static readonly IReadOnlyDictionary<CeremonyRole, int> DefaultRoleRanks = new Dictionary<CeremonyRole, int>
    {
        [CeremonyRole.HeadOfMission] = 10,
        [CeremonyRole.Minister] = 20,
        [CeremonyRole.Director] = 30,
        [CeremonyRole.Dignitary] = 35,
        [CeremonyRole.Signatory] = 40,
        [CeremonyRole.Witness] = 50,
        [CeremonyRole.MasterOfCeremonies] = 60,
        [CeremonyRole.Press] = 90,
        [CeremonyRole.Photographer] = 95,
    };

    /// <summary>Reads "Minister=15,Witness=45" (roles not named keep their default).</summary>
    public static IReadOnlyDictionary<CeremonyRole, int> RoleRanks(string? overrides)
    {
        var ranks = new Dictionary<CeremonyRole, int>(DefaultRoleRanks);
        foreach (var pair in (overrides ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<CeremonyRole>(parts[0], out var role) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var rank) || rank is < 1 or > 999)
            {
                throw new Common.DomainException("RoleRanks", $"'{pair}' is not a rule: write Role=rank, e.g. Minister=15 (ranks 1–999; roles: {string.Join(", ", Enum.GetNames<CeremonyRole>())}).");
            }

            ranks[role] = rank;
        }

        return ranks;
    }

    public static string FormatRoleRanks(IReadOnlyDictionary<CeremonyRole, int> ranks) =>
        string.Join(",", ranks.Where(r => DefaultRoleRanks[r.Key] != r.Value).OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"));

    /// <summary>Everyone in order of precedence, each with the reason for their place.</summary>
    public static IReadOnlyList<Ranked> Order(IEnumerable<ProtocolPerson> people, IReadOnlyDictionary<CeremonyRole, int> roleRanks) =>
        people.Select(p => new Ranked(p, p.Rank ?? roleRanks[p.Role],
                p.Rank is { } r ? $"rank {r}, set by the organisers" : $"rank {roleRanks[p.Role]} as {Words(p.Role)}"))
            .OrderBy(r => r.Rank).ThenBy(r => r.Person.TieBreak ?? int.MaxValue).ThenBy(r => r.Person.Name, StringComparer.Ordinal)
            .Select((r, i) => r with { Why = $"{i + 1}. {r.Person.Name}: {r.Why}{(r.Person.TieBreak is { } t ? $", tie-break {t}" : "")}" })
            .ToList();

    /// <summary>Two signatories of one party with the same rank and no tie-break between them.</summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<Ranked> order) =>
        order.Where(r => r.Person.Role == CeremonyRole.Signatory)
            .GroupBy(r => (r.Person.PartyId, r.Rank, r.Person.TieBreak))
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(r => r.Person.Name))} sign for the same party with the same rank ({g.Key.Rank}) and no tie-break: " +
                         "their order falls back to the alphabet. Give one of them a different rank or a tie-break.")
            .ToList();

    /// <summary>Remarks: those who speak, the most senior last (the host's welcome by the master of ceremonies opens).</summary>
    public static IReadOnlyList<ProtocolPerson> SpeakingOrder(IReadOnlyList<Ranked> order) =>
        order.Where(r => r.Person.Speaks).Reverse().Select(r => r.Person).ToList();

    /// <summary>Signing: signatories in order of precedence.</summary>
    public static IReadOnlyList<ProtocolPerson> SigningOrder(IReadOnlyList<Ranked> order) =>
        order.Where(r => r.Person.Role == CeremonyRole.Signatory).Select(r => r.Person).ToList();

    /// <summary>The photograph: everyone but press, photographers and the master of ceremonies, from the centre outwards.</summary>
    public static IReadOnlyList<ProtocolPerson> PhotoLineUp(IReadOnlyList<Ranked> order) =>
        CentreOut(order.Where(r => r.Person.Role is not (CeremonyRole.Press or CeremonyRole.Photographer or CeremonyRole.MasterOfCeremonies))
            .Select(r => r.Person).ToList());

    /// <summary>
    /// The signing table: the host party's signatories on the side the convention gives them, the
    /// guest party's on the other, each side with its most senior nearest the centre. The front
    /// rows: everyone else but press and photographers, the most senior in the centre of row 1.
    /// </summary>
    public static SeatingPlan Seating(IReadOnlyList<Ranked> order, Guid? hostPartyId, SeatingConvention convention, int seatsPerRow = 8)
    {
        var signatories = SigningOrder(order);
        var host = signatories.Where(p => p.PartyId == hostPartyId && hostPartyId is not null).ToList();
        var guests = signatories.Where(p => !(p.PartyId == hostPartyId && hostPartyId is not null)).ToList();
        // From the audience's left to right: the left side reads outwards-in, the right side inwards-out.
        var (left, right) = convention == SeatingConvention.HostOnTheRight ? (guests, host) : (host, guests);
        var table = Enumerable.Reverse(left).Concat(right).Select((p, i) => new Seat(i + 1, p)).ToList();

        var seated = signatories.Select(s => s.Id).ToHashSet();
        var audience = order.Select(r => r.Person)
            .Where(p => !seated.Contains(p.Id) && p.Role is not (CeremonyRole.Press or CeremonyRole.Photographer or CeremonyRole.MasterOfCeremonies)).ToList();
        var rows = audience.Chunk(Math.Max(1, seatsPerRow))
            .Select(row => (IReadOnlyList<Seat>)CentreOut(row).Select((p, i) => new Seat(i + 1, p)).ToList()).ToList();
        return new SeatingPlan(table, rows);
    }

    /// <summary>
    /// Places people from the centre outwards, listed from the audience's left to right: the first
    /// in the middle, the second at their right hand (the audience's left), the third at their left
    /// hand, and so on alternating.
    /// </summary>
    public static IReadOnlyList<ProtocolPerson> CentreOut(IReadOnlyList<ProtocolPerson> people)
    {
        var line = new LinkedList<ProtocolPerson>();
        for (var i = 0; i < people.Count; i++)
        {
            if (i % 2 == 0)
            {
                line.AddLast(people[i]);
            }
            else
            {
                line.AddFirst(people[i]);
            }
        }

        return line.ToList();
    }

    public static string Words(CeremonyRole role) => role switch
    {
        CeremonyRole.HeadOfMission => "head of mission",
        CeremonyRole.MasterOfCeremonies => "master of ceremonies",
        _ => role.ToString().ToLowerInvariant(),
    };
}

/// <summary>A line of the run of show as scheduled: when it starts and ends.</summary>
public sealed record TimedLine(Guid Id, int Position, string Title, string? Owner, int GapBeforeMinutes, int Minutes, DateTime StartsAt, DateTime EndsAt);

public static class RunOfShow
{
    /// <summary>
    /// Lines follow one another from the start of the ceremony, each after its own gap: moving one
    /// line (a longer gap or duration) moves every line after it by the same amount.
    /// </summary>
    public static IReadOnlyList<TimedLine> Schedule(DateTime start, IEnumerable<(Guid Id, int Position, string Title, string? Owner, int GapBefore, int Minutes)> lines)
    {
        var at = start;
        var result = new List<TimedLine>();
        foreach (var line in lines.OrderBy(l => l.Position))
        {
            var begins = at.AddMinutes(line.GapBefore);
            at = begins.AddMinutes(line.Minutes);
            result.Add(new TimedLine(line.Id, line.Position, line.Title, line.Owner, line.GapBefore, line.Minutes, begins, at));
        }

        return result;
    }
}
