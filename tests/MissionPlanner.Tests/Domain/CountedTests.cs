using MissionPlanner.Common;

namespace MissionPlanner.Tests.Domain;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 visitors", "0 people")]
    [InlineData(1, "1 visitor", "1 person")]
    [InlineData(2, "2 visitors", "2 people")]
    public void ACountReadsInTheRightNumber(int count, string visitors, string people)
    {
        Counted.Of(count, "visitor").Should().Be(visitors);
        Counted.People(count).Should().Be(people);
        Counted.Of(count, "empty group").Should().EndWith(count == 1 ? "group" : "groups");
    }
}
