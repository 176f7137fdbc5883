using System.Text.RegularExpressions;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Letters;

/// <summary>
/// The mission's visa and support letter: the letterhead (the sending organisation, its address and contact lines), the
/// wording with placeholders such as <c>{name}</c> and <c>{passport}</c> (see <see cref="Placeholders"/>), and who signs it.
/// One per mission; each confirmed delegate who asks gets their own letter from it.
/// </summary>
public sealed partial class LetterTemplate : IVersioned
{
    public const int LetterheadMax = 1000;
    public const int WordingMax = 6000;
    public const int SignatoryMax = 200;

    /// <summary>What the wording may use, each replaced by the delegate's or the mission's detail.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["name"] = "the delegate's name",
        ["organisation"] = "their organisation",
        ["jobTitle"] = "their job title",
        ["nationality"] = "their nationality",
        ["passport"] = "their passport or ID number",
        ["dateOfBirth"] = "their date of birth",
        ["mission"] = "the mission's title",
        ["city"] = "the host city",
        ["country"] = "the host country",
        ["dates"] = "the mission's dates",
        ["arrival"] = "the day they arrive",
        ["departure"] = "the day they leave",
    };

    public const string DefaultWording =
        "To whom it may concern,\n\n"
        + "We confirm that {name} ({organisation}), a national of {nationality}, born on {dateOfBirth}, holder of passport {passport}, is a member of the "
        + "delegation of the {mission}, which takes place in {city}, {country}, on {dates}.\n\n"
        + "{name} will arrive on {arrival} and leave on {departure}. The programme consists of a bilateral symposium, visits to laboratories and "
        + "companies, and business meetings. We kindly ask you to grant {name} the visa or travel authorisation needed for this visit.";

    private LetterTemplate()
    {
    }

    public LetterTemplate(Guid missionId)
    {
        MissionId = missionId;
    }

    public Guid MissionId { get; private set; }

    /// <summary>Lines printed at the top: the organisation, its address, phone and email.</summary>
    public string Letterhead { get; private set; } = "";

    public string Wording { get; private set; } = DefaultWording;
    public string SignatoryName { get; private set; } = "";
    public string SignatoryTitle { get; private set; } = "";
    public int Version { get; set; }

    /// <exception cref="DomainException">On Wording: a placeholder that is not one of <see cref="Placeholders"/>, or empty wording.</exception>
    public void Change(string letterhead, string wording, string signatoryName, string signatoryTitle)
    {
        if (string.IsNullOrWhiteSpace(wording))
        {
            throw new DomainException(nameof(Wording), "Give the letter's wording.");
        }

        // Anything in braces must be a placeholder exactly as listed: "{passport number}" or "{ name }" would print as typed.
        var unknown = Placeholder().Matches(wording).Select(m => m.Groups[1].Value).Where(p => !Placeholders.ContainsKey(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(nameof(Wording),
                $"{string.Join(", ", unknown.Select(u => "{" + u + "}"))} is not a placeholder; use {string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}"))}.");
        }

        Letterhead = letterhead.Trim();
        Wording = wording.Trim().ReplaceLineEndings("\n");
        SignatoryName = signatoryName.Trim();
        SignatoryTitle = signatoryTitle.Trim();
    }

    /// <summary>The wording with each placeholder replaced (plain text; the caller escapes it for HTML).</summary>
    public string Fill(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(Wording, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Where a delegate's letter stands.</summary>
public enum LetterStatus
{
    /// <summary>Asked for by the delegate; waiting for an organiser.</summary>
    Requested,

    /// <summary>Approved by an organiser; the letter job prints and emails it.</summary>
    Approved,

    /// <summary>Printed and emailed; the PDF can be downloaded by the delegate and the organisers.</summary>
    Issued,

    /// <summary>Not given, with the organiser's reason; the delegate may ask again.</summary>
    Declined,
}

/// <summary>
/// A delegate's request for a visa or support letter and the letter given: requested on their personal page (with the
/// purpose, e.g. "for the UK visa application in Jakarta"), reviewed and approved (or declined) by an organiser, then
/// printed from the mission's <see cref="LetterTemplate"/> and emailed. Every step is in the person's history.
/// </summary>
public sealed class VisaLetter : IVersioned
{
    public const int PurposeMax = 500;
    public const int ReasonMax = 500;

    private VisaLetter()
    {
    }

    public VisaLetter(Guid missionId, Guid registrationId)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        RegistrationId = registrationId;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public LetterStatus Status { get; private set; }
    public string? Purpose { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Who approved or declined it, e.g. "organiser ann@example.org".</summary>
    public string? DecidedBy { get; private set; }

    public string? DeclineReason { get; private set; }
    public DateTime? IssuedAt { get; private set; }

    /// <summary>The printed PDF, relative to the data directory; null until issued, and after the ID details are purged.</summary>
    public string? File { get; private set; }

    /// <summary>
    /// The letter as the organiser approved it (HTML, with the ID details in it): what the letter job prints, so a later
    /// change of the template or the details cannot slip into a letter nobody reviewed. Gone with the ID details.
    /// </summary>
    public string? ApprovedHtml { get; private set; }

    public int Version { get; set; }

    /// <exception cref="DomainException">On Status: a letter already approved or issued.</exception>
    public void Request(string? purpose, DateTime now)
    {
        if (Status is LetterStatus.Approved or LetterStatus.Issued)
        {
            throw new DomainException(nameof(Status), "Your letter has been approved already; ask the organisers if something in it must change.");
        }

        Status = LetterStatus.Requested;
        Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        RequestedAt = now;
        DecidedAt = null;
        DecidedBy = null;
        DeclineReason = null;
    }

    /// <exception cref="DomainException">On Status: only a requested letter is decided.</exception>
    public void Approve(string by, string html, DateTime now)
    {
        EnsureWaiting();
        Status = LetterStatus.Approved;
        ApprovedHtml = html;
        DecidedAt = now;
        DecidedBy = by;
    }

    /// <exception cref="DomainException">On Status: only a requested letter is decided.</exception>
    public void Decline(string reason, string by, DateTime now)
    {
        EnsureWaiting();
        Status = LetterStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedAt = now;
        DecidedBy = by;
    }

    public void Issue(string file, DateTime now)
    {
        Status = LetterStatus.Issued;
        File = file;
        IssuedAt = now;
    }

    /// <summary>The ID details went (retention): the PDF and the approved text that carries them go too.</summary>
    public void ForgetFile()
    {
        File = null;
        ApprovedHtml = null;
    }

    /// <summary>An approved letter that cannot be printed (the ID details went, the person left) goes back to waiting for a decision.</summary>
    public void Reopen()
    {
        Status = LetterStatus.Requested;
        ApprovedHtml = null;
        DecidedAt = null;
        DecidedBy = null;
    }

    /// <exception cref="DomainException">On Status: the letter is not waiting for a decision.</exception>
    public void EnsureWaiting()
    {
        if (Status != LetterStatus.Requested)
        {
            throw new DomainException(nameof(Status), $"This letter is {Status.ToString().ToLowerInvariant()}, not waiting for a decision.");
        }
    }
}
