using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Tests.Domain;

/// <summary>The rules of precedence, seating and the run of show, on hand-made cases.</summary>
public sealed class ProtocolTests
{
    private static readonly Guid Dutch = Guid.NewGuid();
    private static readonly Guid British = Guid.NewGuid();

    private static ProtocolPerson P(string name, CeremonyRole role, Guid? party = null, int? rank = null, int? tie = null, bool speaks = false) =>
        new(Guid.NewGuid(), name, role, party, rank, tie, speaks);

    [Fact]
    public void Precedence_FollowsRoles_ThenSetRanks_ThenTieBreaks_AndExplainsEachPlace()
    {
        var people = new[]
        {
            P("Witness W", CeremonyRole.Witness), P("Signatory S", CeremonyRole.Signatory, Dutch), P("Ambassador A", CeremonyRole.HeadOfMission),
            P("Director D", CeremonyRole.Director), P("Minister M", CeremonyRole.Minister), P("Press P", CeremonyRole.Press),
            P("Official O", CeremonyRole.Dignitary, rank: 15), P("Signatory T", CeremonyRole.Signatory, British, tie: 1),
        };

        var order = Protocol.Order(people, Protocol.DefaultRoleRanks);

        order.Select(r => r.Person.Name).Should().Equal("Ambassador A", "Official O", "Minister M", "Director D", "Signatory T", "Signatory S", "Witness W", "Press P");
        order[0].Why.Should().Be("1. Ambassador A: rank 10 as head of mission");
        order[1].Why.Should().Be("2. Official O: rank 15, set by the organisers");
        order[4].Why.Should().Be("5. Signatory T: rank 40 as signatory, tie-break 1");

        var rules = Protocol.RoleRanks("Witness=5");
        Protocol.Order(people, rules)[0].Person.Name.Should().Be("Witness W", "the rules are the ceremony's to set");
        Protocol.FormatRoleRanks(rules).Should().Be("Witness=5");
        var bad = () => Protocol.RoleRanks("Emperor=1");
        bad.Should().Throw<DomainException>().Which.Field.Should().Be("RoleRanks");
    }

    [Fact]
    public void TwoSignatoriesOfOneParty_WithTheSameRankAndNoTieBreak_AreAWarning()
    {
        var tied = new[] { P("Bram", CeremonyRole.Signatory, Dutch), P("Anna", CeremonyRole.Signatory, Dutch), P("Carl", CeremonyRole.Signatory, British) };
        Protocol.Warnings(Protocol.Order(tied, Protocol.DefaultRoleRanks)).Should().ContainSingle()
            .Which.Should().StartWith("Anna and Bram sign for the same party with the same rank (40) and no tie-break");

        var broken = new[] { P("Bram", CeremonyRole.Signatory, Dutch, tie: 1), P("Anna", CeremonyRole.Signatory, Dutch, tie: 2) };
        var order = Protocol.Order(broken, Protocol.DefaultRoleRanks);
        Protocol.Warnings(order).Should().BeEmpty();
        Protocol.SigningOrder(order).Select(p => p.Name).Should().Equal("Bram", "Anna");
    }

    [Fact]
    public void TheMostSeniorSpeaksLast_AndStandsInTheCentreOfThePhoto()
    {
        var order = Protocol.Order(new[]
        {
            P("Ambassador", CeremonyRole.HeadOfMission, speaks: true), P("Minister", CeremonyRole.Minister, speaks: true),
            P("Director", CeremonyRole.Director, speaks: true), P("Witness", CeremonyRole.Witness), P("MC", CeremonyRole.MasterOfCeremonies),
            P("Photographer", CeremonyRole.Photographer),
        }, Protocol.DefaultRoleRanks);

        Protocol.SpeakingOrder(order).Select(p => p.Name).Should().Equal("Director", "Minister", "Ambassador");
        // From the audience's left: the second in precedence at the principal's right hand (the audience's left).
        Protocol.PhotoLineUp(order).Select(p => p.Name).Should().Equal("Witness", "Minister", "Ambassador", "Director");
    }

    [Theory]
    [InlineData(SeatingConvention.HostOnTheRight, "Guest 2,Guest 1,Host 1,Host 2")]
    [InlineData(SeatingConvention.HostOnTheLeft, "Host 2,Host 1,Guest 1,Guest 2")]
    public void TheSigningTable_PutsTheHostPartyOnItsSide_WithTheMostSeniorNearestTheCentre(SeatingConvention convention, string expected)
    {
        var order = Protocol.Order(new[]
        {
            P("Host 1", CeremonyRole.Signatory, British, tie: 1), P("Host 2", CeremonyRole.Signatory, British, tie: 2),
            P("Guest 1", CeremonyRole.Signatory, Dutch, tie: 1), P("Guest 2", CeremonyRole.Signatory, Dutch, tie: 2),
            P("Ambassador", CeremonyRole.HeadOfMission), P("Minister", CeremonyRole.Minister), P("Director", CeremonyRole.Director),
            P("Press", CeremonyRole.Press),
        }, Protocol.DefaultRoleRanks);

        var plan = Protocol.Seating(order, British, convention, seatsPerRow: 2);

        string.Join(",", plan.Table.Select(s => s.Person.Name)).Should().Be(expected);
        plan.Table.Select(s => s.Position).Should().Equal(1, 2, 3, 4);
        plan.FrontRows.Select(r => string.Join(",", r.Select(s => s.Person.Name))).Should().Equal("Minister,Ambassador", "Director");
        plan.FrontRows.SelectMany(r => r).Should().NotContain(s => s.Person.Name == "Press", "the press stands at the side");
    }

    [Fact]
    public void ShiftingOneLine_ShiftsEveryLineAfterIt_AndNoneBefore()
    {
        var start = new DateTime(2027, 1, 18, 15, 30, 0, DateTimeKind.Utc);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var lines = new List<(Guid, int, string, string?, int, int)> { (a, 1, "Arrivals", null, 0, 5), (b, 2, "Remarks", null, 0, 10), (c, 3, "Signing", null, 0, 5) };

        var before = RunOfShow.Schedule(start, lines);
        lines[1] = (b, 2, "Remarks", null, 5, 10);
        var after = RunOfShow.Schedule(start, lines);

        before.Select(l => l.StartsAt.ToString("HH:mm")).Should().Equal("15:30", "15:35", "15:45");
        after.Select(l => l.StartsAt.ToString("HH:mm")).Should().Equal("15:30", "15:40", "15:50");
        after[^1].EndsAt.Should().Be(before[^1].EndsAt.AddMinutes(5));

        var line = new RunOfShowLine(Guid.NewGuid(), 1, "Photo", null, 0, 5);
        var tooEarly = () => line.Shift(-5);
        tooEarly.Should().Throw<DomainException>().WithMessage("*cannot start earlier*");
    }
}
