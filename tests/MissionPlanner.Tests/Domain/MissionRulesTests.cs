using System.Reflection;
using MissionPlanner.Common;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Tests.Domain;

public sealed class MissionRulesTests
{
    private static Mission London() => new("M", "", "United Kingdom", "London", "Europe/London",
        new DateOnly(2027, 10, 29), new DateOnly(2027, 11, 1), DateTime.UtcNow);

    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("GMT Standard Time", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void OnlyIanaZones_AreAccepted(string zone, bool known) => MissionTime.IsKnownZone(zone).Should().Be(known);

    [Fact]
    public void Window_CoversTheLocalDays_AcrossTheAutumnClockChange()
    {
        // 31 October 2027: clocks go back from BST (+1) to GMT.
        var (from, to) = London().UtcWindow();

        from.Should().Be(new DateTime(2027, 10, 28, 23, 0, 0, DateTimeKind.Utc));
        to.Should().Be(new DateTime(2027, 11, 2, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void SkippedWallClockTime_MapsToTheInstantAfterTheGap()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        MissionTime.ToUtc(new DateTime(2027, 3, 28, 1, 30, 0), zone).Should().Be(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc));
        MissionTime.ToUtc(new DateTime(2027, 3, 28, 9, 0, 0, DateTimeKind.Utc), zone).Hour.Should().Be(9, "an instant stays an instant");
    }

    [Theory]
    [InlineData(MissionStatus.Draft, MissionStatus.Closed)]
    [InlineData(MissionStatus.Draft, MissionStatus.Completed)]
    [InlineData(MissionStatus.Open, MissionStatus.Draft)]
    public void Status_CannotSkipOrGoBack(MissionStatus from, MissionStatus to)
    {
        var mission = London();
        if (from != MissionStatus.Draft)
        {
            mission.MoveTo(from);
        }

        mission.Invoking(m => m.MoveTo(to)).Should().Throw<DomainException>().Which.Field.Should().Be("Status");
    }

    [Fact]
    public void EveryMissionRequest_DeclaresTheRoleItNeeds()
    {
        var missing = typeof(Mission).Assembly.GetTypes()
            .Where(t => typeof(IMissionRequest).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Where(t => t.GetCustomAttribute<RequiresRoleAttribute>() is null)
            .Select(t => t.Name);

        missing.Should().BeEmpty();
    }
}
