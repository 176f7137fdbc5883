using System.Globalization;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Visits;

/// <summary>What a host asks of its visitors.</summary>
[Flags]
public enum VisitRequirements
{
    None = 0,
    Gowning = 1,
    SafetyBriefing = 2,
    Nda = 4,

    /// <summary>Visitors' ID details go to the host a number of days ahead (<see cref="Visit.ScreeningLeadDays"/>).</summary>
    IdScreening = 8,
    ClosedShoes = 16,
    NoPhotos = 32,
}

/// <summary>Where the host stands on a visit it was asked to receive.</summary>
public enum HostResponse
{
    Pending,
    Confirmed,
    Declined,

    /// <summary>The host proposed another time or group size; the organisers reschedule the visit.</summary>
    ChangeProposed,
}

/// <summary>A host organisation (a university lab, a company, an embassy) with the person who answers for it.</summary>
public sealed class VisitHost : RaisesDomainEvents, IVersioned
{
    public const int NameMax = 200;

    private VisitHost()
    {
    }

    public VisitHost(Guid missionId, string name, string contactName, string contactEmail, string? contactPhone)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Update(name, contactName, contactEmail, contactPhone);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Name { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public string? ContactPhone { get; private set; }

    /// <summary>When the request (and so the host's personal link) was last sent; empty until then.</summary>
    public DateTime? LinkSentAt { get; private set; }
    public DateTime? LastRemindedAt { get; private set; }
    public int Reminders { get; private set; }
    public int Version { get; set; }

    public void Update(string name, string contactName, string contactEmail, string? contactPhone)
    {
        Name = name.Trim();
        ContactName = contactName.Trim();
        var email = Organiser.NormaliseEmail(contactEmail);
        if (email != ContactEmail && LinkSentAt is not null)
        {
            // A new contact person gets a link of their own; the old one stops working.
            LinkSentAt = null;
            Raise(new HostContactChanged(this));
        }

        ContactEmail = email;
        ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim();
    }

    /// <summary>The request went out with a new personal link; reminders count again from here.</summary>
    public void RequestSent(DateTime now)
    {
        LinkSentAt = now;
        LastRemindedAt = null;
        Reminders = 0;
    }

    /// <summary>A reminder went out (with a fresh link: the first email may be lost).</summary>
    public void Reminded(DateTime now)
    {
        LastRemindedAt = now;
        Reminders++;
    }
}

/// <summary>A host's contact person changed after their link was sent: that link must stop working.</summary>
public sealed record HostContactChanged(VisitHost Host) : IDomainEvent;

/// <summary>One group of a visit: when, and which of the groups received at the same time.</summary>
public readonly record struct VisitGroupSlot(DateTime StartsAt, DateTime EndsAt, int Number)
{
    public string Key(Guid visitId) => $"{visitId:N}|{StartsAt:yyyyMMddTHHmm}|{Number}";

    public static (Guid VisitId, DateTime StartsAt, int Number)? Parse(string? key)
    {
        var parts = key?.Split('|');
        return parts is { Length: 3 } && Guid.TryParseExact(parts[0], "N", out var visit)
            && DateTime.TryParseExact(parts[1], "yyyyMMddTHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var number)
                ? (visit, DateTime.SpecifyKind(start, DateTimeKind.Utc), number)
                : null;
    }
}

/// <summary>
/// A lab tour or company visit a host offers: the time windows it can receive groups in, how long
/// a visit takes, how many people a group may have, how many groups it takes at the same time, and
/// what visitors must do (gowning, NDA, ID screening ahead). Groups follow one another within a window.
/// </summary>
public sealed class Visit : RaisesDomainEvents, IVersioned
{
    public const int TitleMax = 200;
    public const int NotesMax = 4000;

    private Visit()
    {
    }

    public Visit(Guid missionId, Guid hostId)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        HostId = hostId;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid HostId { get; private set; }
    public Guid VenueId { get; private set; }
    public string Title { get; private set; } = "";
    public ProgrammeItemKind Kind { get; private set; } = ProgrammeItemKind.LabTour;
    public int DurationMinutes { get; private set; }
    public int MinGroupSize { get; private set; }
    public int MaxGroupSize { get; private set; }
    public int ParallelGroups { get; private set; } = 1;
    public VisitRequirements Requirements { get; private set; }
    public int ScreeningLeadDays { get; private set; }
    public string Notes { get; private set; } = "";

    /// <summary>The windows as "start/end" pairs of UTC instants, separated by ';'.</summary>
    public string Windows { get; private set; } = "";
    public bool Cancelled { get; private set; }
    public HostResponse HostResponse { get; private set; }
    public string? HostMessage { get; private set; }
    public DateTime? HostRespondedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<(DateTime Start, DateTime End)> WindowList =>
        Windows.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('/'))
            .Select(p => (Parse(p[0]), Parse(p[1]))).ToList();

    /// <summary>Kept beside <see cref="Requirements"/> so queries can ask for it.</summary>
    public bool ScreensVisitors { get; private set; }

    /// <summary>Until when ID details must reach the host: the lead time before the visit's first group.</summary>
    public DateTime? ScreeningClosesAt => ScreensVisitors && WindowList.Count > 0 ? WindowList[0].Start.AddDays(-ScreeningLeadDays) : null;

    public void Update(Mission mission, string title, ProgrammeItemKind kind, Guid venueId, int durationMinutes, int minGroupSize, int maxGroupSize,
        int parallelGroups, VisitRequirements requirements, int screeningLeadDays, string? notes, IReadOnlyList<(DateTime Start, DateTime End)> windows)
    {
        if (kind is not (ProgrammeItemKind.LabTour or ProgrammeItemKind.CompanyVisit))
        {
            throw new DomainException(nameof(Kind), "A visit is a lab tour or a company visit.");
        }

        if (minGroupSize > maxGroupSize)
        {
            throw new DomainException(nameof(MinGroupSize), $"The smallest group ({minGroupSize}) cannot be larger than the largest ({maxGroupSize}).");
        }

        if (windows.Count == 0)
        {
            throw new DomainException(nameof(Windows), "Give at least one time window in which the host can receive a group.");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var (start, end) = windows[i];
            if ((end - start).TotalMinutes < durationMinutes)
            {
                throw new DomainException($"Windows[{i}]", $"Window {i + 1} is shorter than the visit ({durationMinutes} minutes).");
            }

            try
            {
                mission.EnsureWithinDays(start, end);
            }
            catch (DomainException ex)
            {
                throw new DomainException($"Windows[{i}]", $"Window {i + 1}: {ex.Message}");
            }
        }

        Title = title.Trim();
        Kind = kind;
        VenueId = venueId;
        DurationMinutes = durationMinutes;
        MinGroupSize = minGroupSize;
        MaxGroupSize = maxGroupSize;
        ParallelGroups = parallelGroups;
        Requirements = requirements;
        ScreensVisitors = requirements.HasFlag(VisitRequirements.IdScreening);
        // Kept as given even while the visit does not screen: it applies again when screening is switched back on.
        ScreeningLeadDays = screeningLeadDays;
        Notes = (notes ?? "").Trim();
        Windows = string.Join(';', windows.OrderBy(w => w.Start).Select(w => $"{Format(w.Start)}/{Format(w.End)}"));
    }

    /// <summary>Every group the host can receive: back to back within each window, <see cref="ParallelGroups"/> at a time.</summary>
    public IReadOnlyList<VisitGroupSlot> Groups()
    {
        var groups = new List<VisitGroupSlot>();
        foreach (var (start, end) in WindowList)
        {
            for (var at = start; at.AddMinutes(DurationMinutes) <= end; at = at.AddMinutes(DurationMinutes))
            {
                for (var n = 1; n <= ParallelGroups; n++)
                {
                    groups.Add(new VisitGroupSlot(at, at.AddMinutes(DurationMinutes), n));
                }
            }
        }

        return groups;
    }

    public void ChangeHost(Guid hostId) => HostId = hostId;

    public void Cancel()
    {
        if (Cancelled)
        {
            throw new DomainException(nameof(Cancelled), "This visit is already cancelled.");
        }

        Cancelled = true;
        Raise(new VisitCancelled(this));
    }

    /// <summary>The host's answer; a new proposal or a decline needs the organisers' attention again.</summary>
    public void Respond(HostResponse response, string? message, DateTime now)
    {
        if (response == HostResponse.Pending)
        {
            throw new DomainException(nameof(HostResponse), "Choose confirm, decline or propose a change.");
        }

        HostResponse = response;
        HostMessage = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        HostRespondedAt = now;
    }

    /// <summary>The host takes fewer or more people per group than planned.</summary>
    public void ChangeGroupSize(int maxGroupSize)
    {
        if (maxGroupSize < 1 || maxGroupSize > 500)
        {
            throw new DomainException(nameof(MaxGroupSize), "The group size must be between 1 and 500.");
        }

        MaxGroupSize = maxGroupSize;
        MinGroupSize = Math.Min(MinGroupSize, maxGroupSize);
    }

    /// <summary>Changed windows or sizes go back to the host for confirmation.</summary>
    public void AwaitHost() => HostResponse = HostResponse.Pending;

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    private static DateTime Parse(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>A participant's rank for a visit (1 is their first choice).</summary>
public sealed class VisitPreference
{
    private VisitPreference()
    {
    }

    public VisitPreference(Guid missionId, Guid registrationId, Guid visitId, int rank)
    {
        MissionId = missionId;
        RegistrationId = registrationId;
        VisitId = visitId;
        Rank = rank;
    }

    public Guid MissionId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public Guid VisitId { get; private set; }
    public int Rank { get; private set; }
}

/// <summary>A participant placed in one group of a visit, by the solver or (pinned) by an organiser.</summary>
public sealed class VisitAssignment
{
    private VisitAssignment()
    {
    }

    public VisitAssignment(Guid missionId, Guid visitId, Guid registrationId, VisitGroupSlot group, bool pinned)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        VisitId = visitId;
        RegistrationId = registrationId;
        StartsAt = group.StartsAt;
        EndsAt = group.EndsAt;
        GroupNumber = group.Number;
        Pinned = pinned;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public int GroupNumber { get; private set; }

    /// <summary>Placed by an organiser: the solver keeps it.</summary>
    public bool Pinned { get; private set; }

    public VisitGroupSlot Group => new(StartsAt, EndsAt, GroupNumber);
}

/// <summary>
/// A mission's visit schedule: its settings (deadline for preferences, visits per person), the
/// last solver run with its score and explanations, and where it stands (locked, published).
/// </summary>
public sealed class VisitPlan : IVersioned
{
    private VisitPlan()
    {
    }

    public VisitPlan(Guid missionId)
    {
        MissionId = missionId;
        VisitsPerParticipant = 1;
    }

    public Guid MissionId { get; private set; }

    /// <summary>After this instant participants can no longer change their preferences.</summary>
    public DateTime? PreferencesDeadline { get; private set; }
    public int VisitsPerParticipant { get; private set; }
    public DateTime? LastRunAt { get; private set; }
    public int WithoutTopChoice { get; private set; }
    public int TotalRank { get; private set; }

    /// <summary>Why people did not get a higher choice, as JSON: registration id → [{visit, rank, reason}].</summary>
    public string Explanations { get; private set; } = "{}";
    public DateTime? LockedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Assignments changed after the last publication.</summary>
    public bool ChangedSincePublish { get; private set; }
    public int Version { get; set; }

    public void Configure(DateTime? preferencesDeadline, int visitsPerParticipant)
    {
        if (visitsPerParticipant is < 1 or > 10)
        {
            throw new DomainException(nameof(VisitsPerParticipant), "Each person gets between 1 and 10 visits.");
        }

        PreferencesDeadline = preferencesDeadline;
        VisitsPerParticipant = visitsPerParticipant;
    }

    public void EnsureUnlocked()
    {
        if (LockedAt is not null)
        {
            throw new DomainException(nameof(LockedAt), "The visit schedule is locked; unlock it to change it.");
        }
    }

    public void Ran(int withoutTopChoice, int totalRank, string explanations, DateTime now)
    {
        EnsureUnlocked();
        WithoutTopChoice = withoutTopChoice;
        TotalRank = totalRank;
        Explanations = explanations;
        LastRunAt = now;
        Changed();
    }

    public void Changed() => ChangedSincePublish = PublishedAt is not null || ChangedSincePublish;

    public void Lock(DateTime now) => LockedAt = now;

    public void Unlock() => LockedAt = null;

    public void Published(DateTime now)
    {
        PublishedAt = now;
        ChangedSincePublish = false;
    }
}
