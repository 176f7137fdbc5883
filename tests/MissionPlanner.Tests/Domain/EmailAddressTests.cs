using MissionPlanner.Domain.Common;

namespace MissionPlanner.Tests.Domain;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData(" Ann@Example.org ", "ann@example.org")]
    [InlineData("\u200Bzw.person@example.org", "zw.person@example.org")]
    [InlineData("zw.person@example.org\u200B\uFEFF", "zw.person@example.org")]
    [InlineData("ann\u00AD@example.org", "ann@example.org")]
    [InlineData("\u202Aann@example.org\u202C", "ann@example.org")]
    [InlineData("Zoe\u0308.O@example.org", "zoë.o@example.org")]
    [InlineData("\u00A0ann@example.org\u00A0", "ann@example.org")]
    [InlineData("ann@Bücher.example", "ann@bücher.example")]
    [InlineData("ann@xn--bcher-kva.example", "ann@bücher.example")]
    [InlineData("Ann@XN--BCHER-KVA.Example", "ann@bücher.example")]
    public void Normalise_RemovesWhatCannotBeSeen_AndComposesAccents(string typed, string stored)
    {
        var address = EmailAddress.Normalise(typed);

        address.Should().Be(stored);
        EmailAddress.Problem(address).Should().BeNull();
    }

    [Theory]
    [InlineData("zoë.o@example.org")]
    [InlineData("张伟@example.cn")]
    [InlineData("ann@bücher.example")]
    [InlineData("o'brien+mission@example.ie")]
    [InlineData("first.last@sub.domain.example.org")]
    [InlineData("\"ann de vries\"@example.org")]
    public void Problem_AcceptsAddressesPeopleReallyHave(string address) => EmailAddress.Problem(address).Should().BeNull();

    [Theory]
    [InlineData("", "Give an email address")]
    [InlineData("ann", "needs a name, an @ and a domain")]
    [InlineData("ann@", "needs a name, an @ and a domain")]
    [InlineData("@example.org", "needs a name, an @ and a domain")]
    [InlineData("ann@example", "is not a domain name")]
    [InlineData("ann@example.", "is not an email address")]
    [InlineData("ann de vries@example.org", "contains a space")]
    [InlineData("ann@example.org, bob@example.org", "contains a space")]
    [InlineData("ann@example.org,bob@example.org", "is not an email address")]
    [InlineData("ann de vries <ann@example.org>", "contains a space")]
    [InlineData("<ann@example.org>", "is not an email address")]
    [InlineData("ann..x@example.org", "is not an email address")]
    [InlineData("ann@exa_mple.org", "is not a valid domain name")]
    [InlineData("ann\r\n@example.org", "on one line")]
    [InlineData("ann@example.org\nbcc: x@example.org", "on one line")]
    [InlineData("ann(comment)@example.org", "is not an email address")]
    public void Problem_NamesWhatIsWrong(string address, string reason) =>
        EmailAddress.Problem(EmailAddress.Normalise(address)).Should().Contain(reason);

    [Fact]
    public void Problem_HoldsTheLengthsOfRfc5321()
    {
        EmailAddress.Problem(new string('a', 64) + "@example.org").Should().BeNull();
        EmailAddress.Problem(new string('a', 65) + "@example.org").Should().Contain("at most 64");
        EmailAddress.Problem("ann@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".org").Should().Contain("at most 254");
    }

    [Theory]
    [InlineData("zoë.o@example.org", true)]
    [InlineData("ann@bücher.example", false)]
    [InlineData("ann@example.org", false)]
    public void NeedsSmtpUtf8_OnlyForTheLocalPart(string address, bool needs) => EmailAddress.NeedsSmtpUtf8(address).Should().Be(needs);
}
