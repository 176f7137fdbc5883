using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// What a person tells the mission when registering or changing their registration. Times are
/// mission-local wall-clock times; answers are keyed by question id; ID details are only asked
/// (and only accepted) when a programme item requires screening.
/// </summary>
public sealed record RegistrationDetails(
    string Name, string Organisation, Sector Sector, DelegationRole Role, bool ConsentProcessing,
    string? Phone = null, string? JobTitle = null, string? Bio = null, string? Dietary = null, string? Accessibility = null,
    bool ConsentPhotos = false, bool ConsentListing = false,
    DateTime? ArrivalAt = null, string? ArrivalBy = null, DateTime? DepartureAt = null, string? DepartureBy = null,
    bool AccommodationNeeded = false, string? EmergencyContact = null,
    Dictionary<Guid, string[]>? Answers = null,
    string? Nationality = null, string? IdNumber = null, DateOnly? DateOfBirth = null)
{
    /// <summary>B2B profile: topics separated by ";" or ",".</summary>
    public string? MeetingTopics { get; init; }

    public string? MeetingOffers { get; init; }

    public string? MeetingSeeks { get; init; }

    /// <summary>Consent: counterparts may see the B2B profile and bio.</summary>
    public bool ShareProfile { get; init; }

    /// <summary>With accommodation: who they would like to share a room with (a name or email), at most 200 characters.</summary>
    public string? RoomSharing { get; init; }
}

public sealed record QuestionView(Guid Id, int Position, string Prompt, QuestionKind Kind, IReadOnlyList<string> Options, bool Required, int Version);

/// <summary>The form a mission asks people to fill in: its own questions, and whether ID details are needed.</summary>
public sealed record RegistrationFormView(Guid MissionId, RegistrationMode Mode, IReadOnlyList<QuestionView> Questions, bool AsksIdDetails);

/// <summary>The checks and changes every way of registering shares: the mission's questions, ID details and travel.</summary>
internal static class RegistrationIntake
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly RegistrationDetailsValidator Fields = new();

    public static Task<List<RegistrationQuestion>> QuestionsAsync(AppDbContext db, Guid missionId, CancellationToken ct) =>
        db.RegistrationQuestions.AsNoTracking().Where(q => q.MissionId == missionId).OrderBy(q => q.Position).ToListAsync(ct);

    public static Task<bool> AsksIdDetailsAsync(AppDbContext db, Guid missionId, CancellationToken ct) =>
        db.Missions.AnyAsync(m => m.Id == missionId
            && (db.ProgrammeItems.Any(p => p.MissionId == m.Id && p.RequiresIdScreening && !p.Cancelled) || db.Visits.Any(v => v.MissionId == m.Id && v.ScreensVisitors && !v.Cancelled)), ct);

    /// <summary>
    /// Everything a registration is checked against, in one round trip: the mission, its questions,
    /// whether a visit screens its visitors, and whether the address is registered already.
    /// </summary>
    public static Task<FormSpec?> LoadAsync(AppDbContext db, Guid missionId, string? email, CancellationToken ct) =>
        LoadForm.For(db)(db, missionId, email, ct);

    // Compiled: every registration starts here, and translating the query each time was a large share of its cost.
    private static readonly PerModel<Func<AppDbContext, Guid, string?, CancellationToken, Task<FormSpec?>>> LoadForm = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid missionId, string? email, CancellationToken ct) =>
            db.Missions.AsNoTracking().Where(m => m.Id == missionId).Select(m => new FormSpec(
                m,
                db.RegistrationQuestions.Where(q => q.MissionId == m.Id).OrderBy(q => q.Position).ToList(),
                db.ProgrammeItems.Any(p => p.MissionId == m.Id && p.RequiresIdScreening && !p.Cancelled)
                    || db.Visits.Any(v => v.MissionId == m.Id && v.ScreensVisitors && !v.Cancelled),
                // Someone who cancelled themselves registers again with a fresh form (RegistrationLifecycle).
                email != null && db.Registrations.Any(r => r.MissionId == m.Id && r.Email == email
                    && !(r.Status == RegistrationStatus.Cancelled && r.CancelledByParticipant && r.ErasedAt == null)))).FirstOrDefault()));

    public static QuestionView View(RegistrationQuestion q) => new(q.Id, q.Position, q.Prompt, q.Kind, q.OptionList, q.Required, q.Version);

    /// <summary>
    /// Checks what only the mission knows (its questions, whether ID is needed) and returns the
    /// answers and ID details ready to store; a person who already gave ID details may leave them out.
    /// </summary>
    public static (string Answers, string? IdDetails) Check(FormSpec form, RegistrationDetails details,
        PersonalDataProtector protector, string? idDetailsOnFile, IEnumerable<ValidationFailure>? earlier = null)
    {
        // Every problem at once: the form's own rules and what depends on the mission, so people fix the form in one go.
        var failures = (earlier ?? []).Concat(Fields.Validate(details).Errors.Select(e => new ValidationFailure($"Details.{e.PropertyName}", e.ErrorMessage)))
            .ToList();
        var questions = form.Questions;
        var given = details.Answers ?? [];
        foreach (var unknown in given.Keys.Where(k => questions.All(q => q.Id != k)))
        {
            failures.Add(new ValidationFailure($"Details.Answers[{unknown}]", $"There is no question {unknown} on this mission's form."));
        }

        var answers = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var question in questions)
        {
            var (answer, error) = question.Check(given.GetValueOrDefault(question.Id));
            if (error is not null)
            {
                failures.Add(new ValidationFailure($"Details.Answers[{question.Id}]", $"{question.Prompt}: {error}"));
            }
            else if (answer.Count > 0)
            {
                answers[question.Id] = answer;
            }
        }

        string? idDetails = null;
        var anyId = !string.IsNullOrWhiteSpace(details.Nationality) || !string.IsNullOrWhiteSpace(details.IdNumber) || details.DateOfBirth is not null;
        if (form.AsksIdDetails)
        {
            if (anyId || idDetailsOnFile is null)
            {
                if (string.IsNullOrWhiteSpace(details.Nationality))
                {
                    failures.Add(new ValidationFailure("Details.Nationality", "A visit in this programme screens its visitors: give your nationality."));
                }

                if (string.IsNullOrWhiteSpace(details.IdNumber))
                {
                    failures.Add(new ValidationFailure("Details.IdNumber", "A visit in this programme screens its visitors: give your passport or ID card number."));
                }

                if (details.DateOfBirth is null)
                {
                    failures.Add(new ValidationFailure("Details.DateOfBirth", "A visit in this programme screens its visitors: give your date of birth."));
                }

                idDetails = !string.IsNullOrWhiteSpace(details.Nationality) && !string.IsNullOrWhiteSpace(details.IdNumber) && details.DateOfBirth is not null
                    ? protector.Protect(JsonSerializer.Serialize(new IdDetails(details.Nationality!.Trim(), details.IdNumber!.Trim().ToUpperInvariant(), details.DateOfBirth!.Value), Json))
                    : null;
            }
            else
            {
                idDetails = idDetailsOnFile;
            }
        }
        else if (anyId)
        {
            failures.Add(new ValidationFailure("Details.IdNumber", "This mission does not ask for ID details; leave them out."));
        }
        else
        {
            // Details given for a visa letter stay when the form itself does not ask for them.
            idDetails = idDetailsOnFile;
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return (JsonSerializer.Serialize(answers, Json), idDetails);
    }

    /// <summary>Writes the checked details into the registration; times typed in mission time are stored as instants.</summary>
    public static void Apply(Registration registration, RegistrationDetails d, Mission mission, string answers, string? idDetails, DateTime now)
    {
        registration.Fill(d.Name, Common.Phones.ToE164(d.Phone, "Phone"), d.Organisation, d.Sector, d.JobTitle, d.Role, d.Dietary, d.Accessibility, d.ConsentPhotos, d.ConsentListing, now, d.Bio);
        registration.SetMeetingProfile(Domain.Meetings.Counterpart.SplitTopics(d.MeetingTopics), d.MeetingOffers, d.MeetingSeeks, d.ShareProfile);
        var zone = mission.TimeZone;
        registration.SetTravel(d.ArrivalAt is { } a ? MissionTime.FromTyped(a, zone, nameof(d.ArrivalAt)) : null, d.ArrivalBy,
            d.DepartureAt is { } dep ? MissionTime.FromTyped(dep, zone, nameof(d.DepartureAt)) : null, d.DepartureBy, d.AccommodationNeeded, d.EmergencyContact);
        registration.SetRoomSharing(d.RoomSharing);
        registration.SetAnswers(answers);
        if (idDetails != registration.IdDetails)
        {
            registration.SetIdDetails(idDetails, now);
        }
    }

    public static Dictionary<Guid, string[]> ReadAnswers(string json) =>
        JsonSerializer.Deserialize<Dictionary<Guid, string[]>>(json, Json) ?? [];

    /// <summary>ID details as stored: encrypted with the personal-data key (passport number upper-cased).</summary>
    public static string ProtectIdDetails(IdDetails details, PersonalDataProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(details with { Nationality = details.Nationality.Trim(), IdNumber = details.IdNumber.Trim().ToUpperInvariant() }, Json));

    public static IdDetails? ReadIdDetails(string? protectedValue, PersonalDataProtector protector) =>
        protectedValue is null ? null : JsonSerializer.Deserialize<IdDetails>(protector.Unprotect(protectedValue), Json);
}

public sealed record IdDetails(string Nationality, string IdNumber, DateOnly DateOfBirth);

internal sealed record FormSpec(Mission Mission, List<RegistrationQuestion> Questions, bool AsksIdDetails, bool AlreadyRegistered);

public sealed record PublicMissionView(string Title, string Summary, string Where, string When, string? Deadline, bool RegistrationClosed);
