using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Ceremonies;

public enum ConfirmationStatus
{
    NotAsked,
    Pending,
    Confirmed,
    Declined,
}

public enum AgreementStatus
{
    Draft,
    Final,
    Printed,
    Signed,
}

/// <summary>A signing ceremony attached to a programme item, with its protocol settings.</summary>
public sealed class Ceremony : IVersioned
{
    private Ceremony()
    {
    }

    public Ceremony(Guid missionId, Guid programmeItemId)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        ProgrammeItemId = programmeItemId;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid ProgrammeItemId { get; private set; }
    public SeatingConvention Convention { get; private set; }

    /// <summary>Ranks that differ from <see cref="Protocol.DefaultRoleRanks"/>, e.g. "Minister=15".</summary>
    public string RoleRanks { get; private set; } = "";
    public Guid? HostPartyId { get; private set; }
    public int SeatsPerRow { get; private set; } = 8;
    public int Version { get; set; }

    public void Configure(SeatingConvention convention, string? roleRanks, Guid? hostPartyId, int seatsPerRow)
    {
        if (seatsPerRow is < 2 or > 40)
        {
            throw new DomainException(nameof(SeatsPerRow), "A front row has between 2 and 40 seats.");
        }

        RoleRanks = Protocol.FormatRoleRanks(Protocol.RoleRanks(roleRanks));
        Convention = convention;
        HostPartyId = hostPartyId;
        SeatsPerRow = seatsPerRow;
    }
}

/// <summary>An organisation that signs (e.g. OPT/NET BV, the host ministry).</summary>
public sealed class CeremonyParty
{
    private CeremonyParty()
    {
    }

    public CeremonyParty(Guid ceremonyId, string name)
    {
        Id = Guid.NewGuid();
        CeremonyId = ceremonyId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }
    public Guid CeremonyId { get; private set; }
    public string Name { get; private set; } = "";
}

/// <summary>
/// Someone with a part in the ceremony: signatory (a registered participant), dignitary, witness,
/// master of ceremonies, press. Signatories and dignitaries confirm through a personal link.
/// </summary>
public sealed class CeremonyPerson : IVersioned
{
    private CeremonyPerson()
    {
    }

    public CeremonyPerson(Guid ceremonyId, CeremonyRole role, string name, string? title, string organisation, string? email, Guid? registrationId)
    {
        Id = Guid.NewGuid();
        CeremonyId = ceremonyId;
        Role = role;
        RegistrationId = registrationId;
        Update(name, title, organisation, email);
        Confirmation = Confirms(role) ? ConfirmationStatus.NotAsked : ConfirmationStatus.Confirmed;
    }

    public Guid Id { get; private set; }
    public Guid CeremonyId { get; private set; }
    public CeremonyRole Role { get; private set; }
    public string Name { get; private set; } = "";
    public string? Title { get; private set; }
    public string Organisation { get; private set; } = "";
    public string? Email { get; private set; }

    /// <summary>The mission registration behind a signatory.</summary>
    public Guid? RegistrationId { get; private set; }
    public Guid? PartyId { get; private set; }

    /// <summary>Set by the organisers to override the rank of their role.</summary>
    public int? Rank { get; private set; }
    public int? TieBreak { get; private set; }
    public bool Speaks { get; private set; }
    public ConfirmationStatus Confirmation { get; private set; }
    public DateTime? AskedAt { get; private set; }
    public DateTime? LastRemindedAt { get; private set; }
    public int Reminders { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public int Version { get; set; }

    public bool NeedsConfirmation => Confirms(Role);

    /// <summary>Signatories, dignitaries and witnesses confirm they attend; the organisers' own people and the press do not.</summary>
    public static bool Confirms(CeremonyRole role) => role is not (CeremonyRole.MasterOfCeremonies or CeremonyRole.Press or CeremonyRole.Photographer);

    /// <summary>The delegate behind this place was erased: the place stays (the seating and signing order hold), the person goes.</summary>
    public void Erase()
    {
        Name = "Erased participant";
        Title = null;
        Organisation = "—";
        Email = null;
    }

    public void Update(string name, string? title, string organisation, string? email)
    {
        Name = name.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        Organisation = organisation.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : Organiser.NormaliseEmail(email);
    }

    public void Place(Guid? partyId, int? rank, int? tieBreak, bool speaks)
    {
        if (Role == CeremonyRole.Signatory && partyId is null)
        {
            throw new DomainException(nameof(PartyId), "A signatory signs for a party: choose one.");
        }

        if (rank is < 1 or > 999 || tieBreak is < 1 or > 99)
        {
            throw new DomainException(rank is < 1 or > 999 ? nameof(Rank) : nameof(TieBreak), "Ranks run from 1 to 999 and tie-breaks from 1 to 99.");
        }

        PartyId = partyId;
        Rank = rank;
        TieBreak = tieBreak;
        Speaks = speaks;
    }

    /// <summary>The person was asked (or reminded) to confirm, with a new personal link (the previous one stops working).</summary>
    public void Asked(DateTime now, bool reminder)
    {
        if (!NeedsConfirmation || Email is null)
        {
            throw new DomainException(nameof(Email), $"{Name} has no email address to ask.");
        }

        if (reminder)
        {
            LastRemindedAt = now;
            Reminders++;
        }
        else
        {
            AskedAt = now;
            Confirmation = ConfirmationStatus.Pending;
        }
    }

    public void Respond(bool attending, DateTime now)
    {
        Confirmation = attending ? ConfirmationStatus.Confirmed : ConfirmationStatus.Declined;
        RespondedAt = now;
    }

    public ProtocolPerson ForProtocol() => new(Id, Name, Role, PartyId, Rank, TieBreak, Speaks);
}

/// <summary>A line of the run of show: a gap before it, how long it takes, who owns it.</summary>
public sealed class RunOfShowLine
{
    private RunOfShowLine()
    {
    }

    public RunOfShowLine(Guid ceremonyId, int position, string title, string? owner, int gapBeforeMinutes, int minutes)
    {
        Id = Guid.NewGuid();
        CeremonyId = ceremonyId;
        Position = position;
        Change(title, owner, gapBeforeMinutes, minutes);
    }

    public Guid Id { get; private set; }
    public Guid CeremonyId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public string? Owner { get; private set; }
    public int GapBeforeMinutes { get; private set; }
    public int Minutes { get; private set; }

    public void Change(string title, string? owner, int gapBeforeMinutes, int minutes)
    {
        if (minutes is < 1 or > 600 || gapBeforeMinutes is < 0 or > 600)
        {
            throw new DomainException(minutes is < 1 or > 600 ? nameof(Minutes) : nameof(GapBeforeMinutes), "Give minutes between 1 and 600 (a gap may be 0).");
        }

        Title = title.Trim();
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        GapBeforeMinutes = gapBeforeMinutes;
        Minutes = minutes;
    }

    public void MoveTo(int position) => Position = position;

    /// <summary>Starts this line (and so every line after it) later or earlier.</summary>
    public void Shift(int minutes)
    {
        if (GapBeforeMinutes + minutes < 0)
        {
            throw new DomainException(nameof(GapBeforeMinutes), $"'{Title}' cannot start earlier than the end of the line before it.");
        }

        GapBeforeMinutes += minutes;
    }
}

/// <summary>An agreement to be signed: language versions, originals, who prints and brings them, status.</summary>
public sealed class CeremonyAgreement
{
    private CeremonyAgreement()
    {
    }

    public CeremonyAgreement(Guid ceremonyId, string title, string languages, int originals, string? broughtBy)
    {
        Id = Guid.NewGuid();
        CeremonyId = ceremonyId;
        Change(title, languages, originals, broughtBy, AgreementStatus.Draft);
    }

    public Guid Id { get; private set; }
    public Guid CeremonyId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Language versions, e.g. "English, Dutch".</summary>
    public string Languages { get; private set; } = "";
    public int Originals { get; private set; }
    public string? BroughtBy { get; private set; }
    public AgreementStatus Status { get; private set; }

    public void Change(string title, string languages, int originals, string? broughtBy, AgreementStatus status)
    {
        if (originals is < 1 or > 50)
        {
            throw new DomainException(nameof(Originals), "Give between 1 and 50 originals (one per party is usual).");
        }

        Title = title.Trim();
        Languages = languages.Trim();
        Originals = originals;
        BroughtBy = string.IsNullOrWhiteSpace(broughtBy) ? null : broughtBy.Trim();
        Status = status;
    }
}

/// <summary>A task before the ceremony (flags, pens, name cards…); overdue open tasks email their owner once.</summary>
public sealed class CeremonyTask
{
    private CeremonyTask()
    {
    }

    public CeremonyTask(Guid ceremonyId, string title, string owner, string ownerEmail, DateOnly dueDate)
    {
        Id = Guid.NewGuid();
        CeremonyId = ceremonyId;
        Title = title.Trim();
        Owner = owner.Trim();
        OwnerEmail = Organiser.NormaliseEmail(ownerEmail);
        DueDate = dueDate;
    }

    public Guid Id { get; private set; }
    public Guid CeremonyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public string OwnerEmail { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public bool Done { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public DateTime? RemindedAt { get; private set; }

    public void Complete(bool done, DateTime now)
    {
        Done = done;
        DoneAt = done ? now : null;
    }

    public void Reminded(DateTime now) => RemindedAt = now;
}
