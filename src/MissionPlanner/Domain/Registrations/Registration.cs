using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Registrations;

public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,

    /// <summary>Applied where the organisers approve each registration; holds no place yet.</summary>
    Pending,

    /// <summary>Not accepted by the organisers (with their message).</summary>
    Declined,
}

/// <summary>Who may register: only invitees, anyone with the mission's registration link, or anyone subject to approval.</summary>
public enum RegistrationMode
{
    InvitationOnly,
    Open,
    ApprovalRequired,
}

public enum DelegationRole
{
    HeadOfDelegation,
    Deputy,
    Member,
    Organiser,
    Press,
    Guest,
}

/// <summary>
/// A person's place in a mission's delegation. Confirmed up to the mission's capacity, then
/// waitlisted in the order people arrived; cancelling frees the place for the first in line.
/// </summary>
public sealed class Registration : RaisesDomainEvents, IVersioned
{
    public const int NameMax = 200;
    public const int TextMax = 2000;
    public const int BioMax = 1000;

    private Registration()
    {
    }

    public Registration(Guid missionId, Guid? invitationId, string email, long arrival, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        InvitationId = invitationId;
        Email = Organiser.NormaliseEmail(email);
        Arrival = arrival;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid? InvitationId { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Organisation { get; private set; } = "";
    public Sector Sector { get; private set; }
    public string? JobTitle { get; private set; }
    public string? Bio { get; private set; }
    public DelegationRole Role { get; private set; }
    public string? Dietary { get; private set; }
    public string? Accessibility { get; private set; }
    public bool ConsentPhotos { get; private set; }
    public bool ConsentListing { get; private set; }
    public DateTime ConsentedAt { get; private set; }

    /// <summary>Arrival and departure instants, with how and which flight or train.</summary>
    public DateTime? ArrivalAt { get; private set; }
    public string? ArrivalBy { get; private set; }
    public DateTime? DepartureAt { get; private set; }
    public string? DepartureBy { get; private set; }
    public bool AccommodationNeeded { get; private set; }

    /// <summary>Who they would like to share a room with, as typed (a name or an email); the room planner pairs two who name each other.</summary>
    public string? RoomSharing { get; private set; }
    public string? EmergencyContact { get; private set; }

    /// <summary>Answers to the organisers' own questions: a JSON object of question id → values.</summary>
    public string Answers { get; private set; } = "{}";

    /// <summary>Nationality, document number and date of birth, encrypted; only asked when a visit needs screening.</summary>
    public string? IdDetails { get; private set; }
    public DateTime? IdDetailsPurgedAt { get; private set; }

    /// <summary>The organisers' message when they declined the registration.</summary>
    public string? DecisionMessage { get; private set; }

    /// <summary>Place in the order of precedence set by an organiser; empty means the default for the role.</summary>
    public int? PrecedenceRank { get; private set; }

    /// <summary>Order of arrival within the mission: who is next on the waitlist.</summary>
    public long Arrival { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public int Version { get; set; }

    /// <summary>B2B profile: topics separated by "; " (see <see cref="Meetings.Counterpart.SplitTopics"/>).</summary>
    public string MeetingTopics { get; private set; } = "";

    /// <summary>B2B profile: what they offer a counterpart.</summary>
    public string? MeetingOffers { get; private set; }

    /// <summary>B2B profile: what they look for.</summary>
    public string? MeetingSeeks { get; private set; }

    /// <summary>Agreed that counterparts see their B2B profile (topics, offers, seeks and bio); without it they see name and organisation only.</summary>
    public bool ShareProfile { get; private set; }

    /// <summary>What the delegate tells counterparts about themselves for B2B meetings, and whether counterparts may see it.</summary>
    public void SetMeetingProfile(IEnumerable<string> topics, string? offers, string? seeks, bool share)
    {
        MeetingTopics = string.Join("; ", topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
        MeetingOffers = string.IsNullOrWhiteSpace(offers) ? null : offers.Trim();
        MeetingSeeks = string.IsNullOrWhiteSpace(seeks) ? null : seeks.Trim();
        ShareProfile = share;
    }

    /// <summary>The most B2B meetings this person takes; null: no limit.</summary>
    public int? MeetingCap { get; private set; }

    /// <summary>Set by the organisers: higher is served first when meetings compete (a delegate who came for meetings).</summary>
    public int MeetingPriority { get; private set; }

    /// <summary>The organisers' per-person meeting limits.</summary>
    /// <exception cref="DomainException">On <c>MeetingCap</c> (0–50) or <c>MeetingPriority</c> (0–10).</exception>
    public void SetMeetingLimits(int? cap, int priority)
    {
        Meetings.MeetingLimits.Check(cap, priority);
        MeetingCap = cap;
        MeetingPriority = priority;
    }

    public void Fill(string name, string? phone, string organisation, Sector sector, string? jobTitle, DelegationRole role,
        string? dietary, string? accessibility, bool consentPhotos, bool consentListing, DateTime now, string? bio = null)
    {
        Name = name.Trim();
        Bio = Clean(bio);
        Phone = Clean(phone);
        Organisation = organisation.Trim();
        Sector = sector;
        JobTitle = Clean(jobTitle);
        Role = role;
        Dietary = Clean(dietary);
        Accessibility = Clean(accessibility);
        if (ConsentPhotos != consentPhotos || ConsentListing != consentListing || ConsentedAt == default)
        {
            ConsentedAt = now;
        }

        ConsentPhotos = consentPhotos;
        ConsentListing = consentListing;
        UpdatedAt = now;
    }

    /// <summary>Protocol order by role: head of delegation first, then deputy, members and guests, organisers, press.</summary>
    public static int DefaultPrecedence(DelegationRole role) => role switch
    {
        DelegationRole.HeadOfDelegation => 100,
        DelegationRole.Deputy => 200,
        DelegationRole.Member => 300,
        DelegationRole.Guest => 300,
        DelegationRole.Organiser => 400,
        _ => 500,
    };

    public int EffectivePrecedence => PrecedenceRank ?? DefaultPrecedence(Role);

    public void SetPrecedence(int? rank, DateTime now)
    {
        if (rank is < 1 or > 10_000)
        {
            throw new DomainException(nameof(PrecedenceRank), "A rank is a number from 1 (first) to 10,000, or empty for the role's default.");
        }

        PrecedenceRank = rank;
        UpdatedAt = now;
    }

    public void SetTravel(DateTime? arrivalAt, string? arrivalBy, DateTime? departureAt, string? departureBy, bool accommodationNeeded,
        string? emergencyContact)
    {
        if (arrivalAt is { } a && departureAt is { } d && d <= a)
        {
            throw new DomainException("DepartureAt", "Departure must be after arrival.");
        }

        ArrivalAt = arrivalAt;
        ArrivalBy = Clean(arrivalBy);
        DepartureAt = departureAt;
        DepartureBy = Clean(departureBy);
        AccommodationNeeded = accommodationNeeded;
        EmergencyContact = Clean(emergencyContact);
    }

    public const int RoomSharingMax = 200;

    public void SetRoomSharing(string? roomSharing) => RoomSharing = AccommodationNeeded ? Clean(roomSharing) : null;

    public void Place(bool confirmed) => Status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;

    public void AwaitApproval() => Status = RegistrationStatus.Pending;

    public void SetAnswers(string answersJson) => Answers = answersJson;

    public void SetIdDetails(string? protectedDetails, DateTime now)
    {
        IdDetails = protectedDetails;
        UpdatedAt = now;
    }

    /// <summary>The retention rule: ID details go some days after the mission; the rest of the registration stays.</summary>
    public void PurgeIdDetails(DateTime now)
    {
        IdDetails = null;
        IdDetailsPurgedAt = now;
    }

    /// <summary>An organiser decides on a pending registration: approved people take a place (or join the waitlist).</summary>
    public void Approve(bool confirmed, long arrival, DateTime now)
    {
        RegistrationLifecycle.Ensure(RegistrationAction.Approve, Status);
        Arrival = arrival;
        Place(confirmed);
        UpdatedAt = now;
    }

    public void Decline(string message, DateTime now)
    {
        RegistrationLifecycle.Ensure(RegistrationAction.Decline, Status);
        Status = RegistrationStatus.Declined;
        DecisionMessage = message.Trim();
        UpdatedAt = now;
    }

    /// <summary>An organiser puts a confirmed person back on the waitlist, at its end.</summary>
    public void MoveToWaitlist(long arrival, DateTime now)
    {
        RegistrationLifecycle.Ensure(RegistrationAction.MoveToWaitlist, Status);
        Arrival = arrival;
        Status = RegistrationStatus.Waitlisted;
        UpdatedAt = now;
    }

    /// <summary>A waitlisted person gets a place (one freed, more capacity, or the organisers' decision).</summary>
    public void Promote(DateTime now)
    {
        RegistrationLifecycle.Ensure(RegistrationAction.Promote, Status);
        Status = RegistrationStatus.Confirmed;
        UpdatedAt = now;
        Raise(new RegistrationPromoted(this));
    }

    /// <param name="byParticipant">The person cancelled themselves, so registering again reopens it (<see cref="RegistrationLifecycle"/>).</param>
    public void Cancel(DateTime now, bool byParticipant)
    {
        if (Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
        {
            throw new DomainException(nameof(Status), $"This registration is already {Status.ToString().ToLowerInvariant()}.");
        }

        RegistrationLifecycle.Ensure(RegistrationAction.Cancel, Status);
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
        CancelledByParticipant = byParticipant;
        UpdatedAt = now;
    }

    /// <summary>Whether the person cancelled this registration themselves (false when the organisers did, or it is not cancelled).</summary>
    public bool CancelledByParticipant { get; private set; }

    /// <summary>
    /// A cancelled registration comes back (<see cref="RegistrationAction.RegisterAgain"/> by the person who
    /// cancelled it, <see cref="RegistrationAction.Reinstate"/> by the organisers) with a new arrival number;
    /// the caller then places it (<see cref="Place"/>) or lets it await approval.
    /// </summary>
    public void Reopen(RegistrationAction action, long arrival, DateTime now)
    {
        RegistrationLifecycle.Ensure(action, Status);
        if (Status != RegistrationStatus.Cancelled)
        {
            throw new DomainException(nameof(Status), $"This registration is {Status.ToString().ToLowerInvariant()}, not cancelled: there is nothing to reopen.");
        }

        if (ErasedAt is not null)
        {
            throw new DomainException(nameof(Status), "This person was erased; they can register anew.");
        }

        if (action == RegistrationAction.RegisterAgain && !CancelledByParticipant)
        {
            throw new DomainException(nameof(Status), "The organisers cancelled this registration; ask them to reinstate it.");
        }

        Arrival = arrival;
        CancelledAt = null;
        CancelledByParticipant = false;
        DecisionMessage = null;
        UpdatedAt = now;
    }

    /// <summary>Removes everything that identifies the person, travel included; the place, sector and when they registered stay for the counts.</summary>
    public void Erase(DateTime now)
    {
        Email = $"erased-{Id:N}@erased.invalid";
        Name = "Erased participant";
        Organisation = "—";
        ClearPersonalDetails();
        if (Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined))
        {
            Status = RegistrationStatus.Cancelled;
            CancelledAt = now;
        }

        UpdatedAt = now;
        ErasedAt = now;
    }

    public DateTime? ErasedAt { get; private set; }

    /// <summary>When the mission's retention period ended and this person's data was purged (<see cref="PurgePersonalData"/>).</summary>
    public DateTime? PurgedAt { get; private set; }

    /// <summary>
    /// The mission's retention period is over: everything that identifies the person goes, as with
    /// <see cref="Erase"/>, but the registration keeps its status, sector, organisation and role,
    /// which the mission report counts.
    /// </summary>
    public void PurgePersonalData(DateTime now)
    {
        Email = $"purged-{Id:N}@purged.invalid";
        Name = "Participant (data purged)";
        ClearPersonalDetails();
        UpdatedAt = now;
        PurgedAt = now;
    }

    /// <summary>Everything but name, address and organisation that says who the person is or what they told us.</summary>
    private void ClearPersonalDetails()
    {
        Phone = null;
        JobTitle = null;
        Bio = null;
        MeetingTopics = "";
        MeetingOffers = null;
        MeetingSeeks = null;
        ShareProfile = false;
        Answers = "{}";
        IdDetails = null;
        DecisionMessage = null;
        Dietary = null;
        Accessibility = null;
        ArrivalAt = null;
        ArrivalBy = null;
        DepartureAt = null;
        DepartureBy = null;
        AccommodationNeeded = false;
        RoomSharing = null;
        EmergencyContact = null;
        ConsentListing = false;
        ConsentPhotos = false;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What happened to a registration, when and by whom: organisers read it; nothing edits it.</summary>
public sealed class RegistrationAudit
{
    private RegistrationAudit()
    {
    }

    public RegistrationAudit(Guid missionId, Guid registrationId, string action, string actor, string? detail, DateTime at)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        RegistrationId = registrationId;
        Action = action;
        Actor = actor;
        Detail = detail;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public string Action { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>A waitlisted registration was confirmed: the person is told, with their programme.</summary>
public sealed record RegistrationPromoted(Registration Registration) : IDomainEvent;
