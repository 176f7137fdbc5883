using System.Text.Json;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Meetings;

/// <summary>A span of time someone can meet, in UTC.</summary>
public sealed record AvailabilitySpan(DateTime From, DateTime To);

/// <summary>
/// Someone on the host side whom delegates meet in B2B meetings and who is not a delegate: a company,
/// university, agency, investor or government contact. Added by the organisers (one by one or from a
/// spreadsheet) and invited by email to a personal link (/m/…) where they complete their profile, say
/// when they are available and browse the delegation. Only a counterpart who agreed to be listed
/// appears in the directory. Removing one keeps the row for the counts and ends their link.
/// </summary>
public sealed class Counterpart : IVersioned
{
    public const int NameMax = 200;
    public const int TextMax = 1000;
    public const int ProfileMax = 4000;
    public const int TopicsMax = 12;

    private Counterpart()
    {
    }

    public Counterpart(Guid missionId, string name, string email, string organisation, Sector sector, string? country, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        CreatedAt = now;
        Update(name, email, organisation, sector, country, now);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public Sector Sector { get; private set; }
    public string? Country { get; private set; }

    /// <summary>Topics, separated by "; " (see <see cref="TopicList"/>).</summary>
    public string Topics { get; private set; } = "";
    public string? Offers { get; private set; }
    public string? Seeks { get; private set; }
    public string? Profile { get; private set; }

    /// <summary>Agreed to appear in the mission's directory, where delegates can see their profile.</summary>
    public bool Listed { get; private set; }

    /// <summary>When they can meet, as JSON spans in UTC (<see cref="AvailabilityList"/>); empty: not stated yet.</summary>
    public string Availability { get; private set; } = "[]";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? InvitedAt { get; private set; }
    public DateTime? RemovedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<string> TopicList => SplitTopics(Topics);

    public IReadOnlyList<AvailabilitySpan> AvailabilityList => JsonSerializer.Deserialize<List<AvailabilitySpan>>(Availability) ?? [];

    public void Update(string name, string email, string organisation, Sector sector, string? country, DateTime now)
    {
        Name = name.Trim();
        var address = Organiser.NormaliseEmail(email);
        if (Email.Length > 0 && address != Email)
        {
            // Another address may be another person: their consent and times are not the previous holder's, and they need an invitation.
            InvitedAt = null;
            Listed = false;
            Availability = "[]";
        }

        Email = address;
        Organisation = organisation.Trim();
        Sector = sector;
        Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim();
        UpdatedAt = now;
    }

    /// <summary>What the counterpart tells delegates about themselves, and whether they may be listed.</summary>
    public void SetProfile(IEnumerable<string> topics, string? offers, string? seeks, string? profile, bool listed, DateTime now)
    {
        Topics = string.Join("; ", topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
        Offers = Clean(offers);
        Seeks = Clean(seeks);
        Profile = Clean(profile);
        Listed = listed;
        UpdatedAt = now;
    }

    /// <summary>When they can meet; each span must lie within the mission's days and end after it starts.</summary>
    /// <exception cref="DomainException">On <c>Availability</c>, naming the span.</exception>
    public void SetAvailability(IReadOnlyList<AvailabilitySpan> spans, (DateTime From, DateTime To) missionWindow, DateTime now)
    {
        foreach (var span in spans)
        {
            if (span.To <= span.From)
            {
                throw new DomainException(nameof(Availability), "Each time you are available must end after it starts.");
            }

            if (span.From < missionWindow.From || span.To > missionWindow.To)
            {
                throw new DomainException(nameof(Availability), "Give times within the mission's days.");
            }
        }

        Availability = JsonSerializer.Serialize(spans.OrderBy(s => s.From).ToList());
        UpdatedAt = now;
    }

    public void MarkInvited(DateTime now) => InvitedAt = now;

    /// <summary>The most B2B meetings this person takes; null: no limit.</summary>
    public int? MeetingCap { get; private set; }

    /// <summary>Set by the organisers: higher is served first when meetings compete (a delegate who came for meetings).</summary>
    public int MeetingPriority { get; private set; }

    /// <summary>The organisers' per-person meeting limits.</summary>
    /// <exception cref="DomainException">On <c>MeetingCap</c> (0–50) or <c>MeetingPriority</c> (0–10).</exception>
    public void SetMeetingLimits(int? cap, int priority)
    {
        MeetingLimits.Check(cap, priority);
        MeetingCap = cap;
        MeetingPriority = priority;
    }

    /// <summary>A removed counterpart added again: back in the list, not listed and not invited until they are again.</summary>
    public void Restore(DateTime now)
    {
        RemovedAt = null;
        InvitedAt = null;
        UpdatedAt = now;
    }

    /// <summary>The mission's retention period is over: the person goes; organisation, sector and country stay for the counts.</summary>
    public void PurgePersonalData(DateTime now)
    {
        Name = "Counterpart (data purged)";
        Email = $"purged-{Id:N}@purged.invalid";
        Profile = null;
        Offers = null;
        Seeks = null;
        Listed = false;
        UpdatedAt = now;
    }

    public void Remove(DateTime now)
    {
        RemovedAt = now;
        Listed = false;
        UpdatedAt = now;
    }

    /// <summary>"AI; Photonics, quantum" → ["AI", "Photonics", "quantum"]: topics as people type them, by ";" or ",".</summary>
    public static IReadOnlyList<string> SplitTopics(string? text) =>
        (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
