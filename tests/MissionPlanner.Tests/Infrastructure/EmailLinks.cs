using System.Text.RegularExpressions;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>The kinds of personal link the app puts in emails, by the path they start with (Common/PublicLinks).</summary>
public enum LinkKind
{
    Invitation,
    Registration,
    Host,
    Ceremony,
    SignIn,
}

/// <summary>
/// Takes the personal links out of an email's text, as a person would click them: one helper for
/// every test, so that a change to how links look is made in one place.
/// </summary>
public static partial class EmailLinks
{
    /// <summary>Every link of that kind in the text, in order; absolute as written in the email.</summary>
    public static IReadOnlyList<Uri> All(string text, LinkKind kind) =>
        Link().Matches(text)
            .Select(m => new Uri(m.Value))
            .Where(u => KindOf(u) == kind)
            .ToList();

    /// <summary>The one link of that kind in the text; fails the test when there is none or several different ones.</summary>
    public static Uri Single(string text, LinkKind kind)
    {
        var links = All(text, kind).Distinct().ToList();
        return links.Count == 1
            ? links[0]
            : throw new InvalidOperationException($"Expected one {kind} link in the email, found {links.Count}:\n{text}");
    }

    /// <summary>The token of the one link of that kind in the text.</summary>
    public static string TokenOf(string text, LinkKind kind) => Token(Single(text, kind));

    /// <summary>The token a link carries (the segment after /r/, /i/, … even when a page follows, as in /r/{token}/surveys/{id}; or the token query value of a sign-in link).</summary>
    public static string Token(Uri link) =>
        KindOf(link) == LinkKind.SignIn
            ? Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..])
            : Uri.UnescapeDataString(link.Segments[2].TrimEnd('/'));

    private static LinkKind? KindOf(Uri link) => link.AbsolutePath switch
    {
        var p when p.StartsWith("/i/", StringComparison.Ordinal) => LinkKind.Invitation,
        var p when p.StartsWith("/r/", StringComparison.Ordinal) => LinkKind.Registration,
        var p when p.StartsWith("/h/", StringComparison.Ordinal) => LinkKind.Host,
        var p when p.StartsWith("/s/", StringComparison.Ordinal) => LinkKind.Ceremony,
        "/signin/link" => LinkKind.SignIn,
        _ => null,
    };

    [GeneratedRegex(@"https?://[^\s""'<>)]+")]
    private static partial Regex Link();
}
