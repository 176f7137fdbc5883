using MissionPlanner.Domain.Common;
using PhoneNumbers;

namespace MissionPlanner.Common;

/// <summary>
/// Phone numbers as delegates type them ("+31 6 1234 5678", "+44 (0)20 7946 0000"), stored in E.164
/// ("+31612345678", ITU-T E.164: "+", country code, national number, at most 15 digits), parsed with
/// Google's libphonenumber. A number must carry its country code: a delegation comes from several
/// countries, so none can be assumed.
/// </summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null for none; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="DomainException">Not a possible phone number, or one without its country code.</exception>
    public static string? ToE164(string? typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (TryE164(typed, out var e164, out var error))
        {
            return e164;
        }

        throw new DomainException(field, error!);
    }

    /// <summary>As <see cref="ToE164"/>, for validators: false with the reason when it cannot be read.</summary>
    public static bool TryE164(string typed, out string? e164, out string? error)
    {
        e164 = null;
        var text = typed.Trim();
        if (!text.StartsWith('+') && !text.StartsWith("00", StringComparison.Ordinal))
        {
            error = "Give the number with its country code, e.g. +31 6 1234 5678.";
            return false;
        }

        try
        {
            var number = Util.Parse(text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : text, null);
            if (!Util.IsPossibleNumber(number))
            {
                error = $"'{text}' is not a phone number: check the digits and the country code.";
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            error = null;
            return true;
        }
        catch (NumberParseException)
        {
            error = $"'{text}' is not a phone number: give it with its country code, e.g. +31 6 1234 5678.";
            return false;
        }
    }

    /// <summary>An E.164 number as people read it ("+31 6 12345678"); what was stored when it cannot be parsed.</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
