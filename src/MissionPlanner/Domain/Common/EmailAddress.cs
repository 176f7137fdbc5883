using System.Globalization;
using System.Text;
using MimeKit;

namespace MissionPlanner.Domain.Common;

/// <summary>
/// Email addresses as people type and paste them, made into one canonical form where they enter
/// (forms, API, spreadsheet imports) so that what is stored can always be sent.
/// </summary>
/// <remarks>
/// Canonical form: trimmed, Unicode format characters (category Cf: zero-width spaces and joiners,
/// byte-order marks, direction marks, soft hyphens — invisible, and pasted from web pages and
/// documents) removed, NFC-normalised (RFC 6532 §3.1: UTF-8 addresses are compared in NFC),
/// lower-cased, and a domain given in IDNA's ASCII form kept in Unicode. It must then be one bare addr-spec that MimeKit's strict parser reads back
/// unchanged: no display name, no comment, no second address. Limits from RFC 5321 §4.5.3.1: a
/// local part of at most 64 octets, a whole address of at most 254. Non-ASCII local parts
/// (<c>zoë.o@example.org</c>) are valid (RFC 6531, SMTPUTF8); domains in Unicode must convert to
/// IDNA (RFC 5891), as they are sent in that form to servers without SMTPUTF8.
/// </remarks>
public static class EmailAddress
{
    /// <summary>RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets.</summary>
    public const int MaxLength = 254;

    /// <summary>RFC 5321 §4.5.3.1.1.</summary>
    public const int LocalPartMaxOctets = 64;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The canonical form of what was typed (see the type's remarks); empty for null or blank input.</summary>
    public static string Normalise(string? typed)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return "";
        }

        var visible = new StringBuilder(typed.Length);
        foreach (var rune in typed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                visible.Append(rune.ToString());
            }
        }

        var text = visible.ToString().Trim();
        text = (text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC)).ToLowerInvariant();
        return UnicodeDomain(text);
    }

    /// <summary>A domain typed in its ASCII form (<c>xn--bcher-kva.example</c>) is kept in Unicode, as MimeKit reads it back: one address, one form.</summary>
    private static string UnicodeDomain(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || !address.AsSpan(at + 1).Contains("xn--", StringComparison.Ordinal))
        {
            return address;
        }

        try
        {
            return string.Concat(address.AsSpan(0, at + 1), Idn.GetUnicode(address[(at + 1)..]));
        }
        catch (ArgumentException)
        {
            return address; // not valid IDNA: Problem() says so
        }
    }

    /// <summary>Why <paramref name="address"/> (already normalised) cannot be used, in words for the person who typed it; null when it can.</summary>
    public static string? Problem(string address)
    {
        if (address.Length == 0)
        {
            return "Give an email address, e.g. ann@tudelft.nl.";
        }

        if (address.Any(char.IsControl))
        {
            return "Give one email address on one line, e.g. ann@tudelft.nl.";
        }

        if (Encoding.UTF8.GetByteCount(address) > MaxLength)
        {
            return $"An email address has at most {MaxLength} characters.";
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return $"'{address}' is not an email address: it needs a name, an @ and a domain, e.g. ann@tudelft.nl.";
        }

        if (address.Any(char.IsWhiteSpace) && !address.StartsWith('"'))
        {
            return $"'{address}' is not an email address: it contains a space. Give one address, e.g. ann@tudelft.nl.";
        }

        if (!MailboxAddress.TryParse(Strict, address, out var mailbox) || mailbox.Name is { Length: > 0 } || mailbox.Route.Count > 0
            || !string.Equals(mailbox.Address, address, StringComparison.Ordinal))
        {
            return $"'{address}' is not an email address. Give one address such as ann@tudelft.nl, without a name or brackets around it.";
        }

        var (local, domain) = (address[..at], address[(at + 1)..]);
        if (Encoding.UTF8.GetByteCount(local) > LocalPartMaxOctets)
        {
            return $"'{address}' is not an email address: the part before the @ has at most {LocalPartMaxOctets} characters.";
        }

        if (!domain.Contains('.') || domain.EndsWith('.') || domain.StartsWith('['))
        {
            return $"'{address}' is not an email address: '{domain}' is not a domain name such as tudelft.nl.";
        }

        try
        {
            Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return $"'{address}' is not an email address: '{domain}' is not a valid domain name.";
        }

        return null;
    }

    /// <summary>The canonical form of <paramref name="typed"/>, or a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static string Parse(string? typed, string field = "Email")
    {
        var address = Normalise(typed);
        return Problem(address) is { } problem ? throw new DomainException(field, problem) : address;
    }

    /// <summary>True when the part before the @ has characters outside ASCII, so only a server offering SMTPUTF8 (RFC 6531) can take it.</summary>
    public static bool NeedsSmtpUtf8(string address)
    {
        var at = address.LastIndexOf('@');
        return address.AsSpan(0, Math.Max(0, at)).ContainsAnyExceptInRange((char)0, (char)127);
    }
}
