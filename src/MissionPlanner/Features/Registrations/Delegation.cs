using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

public sealed record DelegateRow(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string? JobTitle, DelegationRole Role, RegistrationStatus Status,
    long Arrival, string? Dietary, string? Accessibility, bool ConsentListing, DateTime CreatedAt, int? PrecedenceRank)
{
    public int Precedence => PrecedenceRank ?? Registration.DefaultPrecedence(Role);

    /// <summary>Answers to the mission's own questions, as stored (question id → values).</summary>
    public string Answers { get; init; } = "{}";
    public bool IdDetailsOnFile { get; init; }

    /// <summary>Anonymised by an erasure: it stays in the counts and can no longer be reinstated.</summary>
    public bool Erased { get; init; }
}

/// <summary>What caterers and venues need: how many of each dietary need, and every accessibility need, of the confirmed.</summary>
public sealed record CateringSummary(IReadOnlyDictionary<string, int> Dietary, IReadOnlyList<string> Allergies, IReadOnlyList<string> Accessibility);

public sealed record DelegationView(
    int? Capacity, int Confirmed, int Waitlisted, int Cancelled, IReadOnlyDictionary<Sector, int> ConfirmedBySector, IReadOnlyList<DelegateRow> People,
    CateringSummary Catering)
{
    public int Pending { get; init; }
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];

    /// <summary>Whether registration asks for ID details (a screened visit is in the programme).</summary>
    public bool AsksIdDetails { get; init; }
}

public sealed record ListedParticipant(string Name, string Organisation, Sector Sector, string? JobTitle, DelegationRole Role);
