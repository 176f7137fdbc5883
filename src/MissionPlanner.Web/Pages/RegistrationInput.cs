using Microsoft.AspNetCore.Mvc.ModelBinding;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages;

/// <summary>The registration form's fields, for registering and for changing one's registration.</summary>
public sealed class RegistrationInput
{
    public static readonly string[] DietaryOptions = ["vegetarian", "vegan", "halal", "kosher", "gluten-free", "lactose-free"];

    /// <summary>Only on the open registration page: invitees and registered people are known by their link.</summary>
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Organisation { get; set; }
    public Sector Sector { get; set; } = Sector.Academia;
    public string? JobTitle { get; set; }
    public DelegationRole Role { get; set; } = DelegationRole.Member;
    public string? Bio { get; set; }

    public string? MeetingTopics { get; set; }

    public string? MeetingOffers { get; set; }

    public string? MeetingSeeks { get; set; }

    public bool ShareProfile { get; set; }
    public List<string> DietaryChoices { get; set; } = [];
    public string? Allergies { get; set; }
    public string? Dietary { get; set; }
    public string? Accessibility { get; set; }
    public bool ConsentProcessing { get; set; }
    public bool ConsentPhotos { get; set; }
    public bool ConsentListing { get; set; }
    public DateTime? ArrivalAt { get; set; }
    public string? ArrivalBy { get; set; }
    public DateTime? DepartureAt { get; set; }
    public string? DepartureBy { get; set; }
    public bool AccommodationNeeded { get; set; }
    public string? RoomSharing { get; set; }
    public string? EmergencyContact { get; set; }

    /// <summary>Answers to the organisers' questions: question id → the value(s) chosen or typed.</summary>
    public Dictionary<Guid, List<string>> Answers { get; set; } = [];
    public string? Nationality { get; set; }
    public string? IdNumber { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>The mission's form (its questions, whether ID is asked): set by the page, never posted.</summary>
    [BindNever]
    public RegistrationFormView? Form { get; set; }

    /// <summary>Set when ID details are already held: the fields may stay empty to keep them.</summary>
    [BindNever]
    public bool IdDetailsOnFile { get; set; }

    /// <summary>The ticked options and any allergies as one line, e.g. "vegetarian, allergies: nuts".</summary>
    public string DietaryText => string.Join(", ", DietaryChoices.Where(DietaryOptions.Contains)
        .Concat(string.IsNullOrWhiteSpace(Allergies) ? [] : [$"allergies: {Allergies.Trim()}"]));

    public IReadOnlyList<string> AnswerTo(Guid questionId) => Answers.GetValueOrDefault(questionId) ?? [];

    /// <summary>What the command needs; datetime-local values are wall-clock time in the mission's zone.</summary>
    public RegistrationDetails ToDetails() => new(
        Name ?? "", Organisation ?? "", Sector, Role, ConsentProcessing, Phone, JobTitle, Bio, DietaryText, Accessibility,
        ConsentPhotos, ConsentListing, Unspecified(ArrivalAt), ArrivalBy, Unspecified(DepartureAt), DepartureBy, AccommodationNeeded, EmergencyContact,
        Answers.Count == 0 ? null : Answers.ToDictionary(a => a.Key, a => a.Value.ToArray()), Nationality, IdNumber, DateOfBirth)
    {
        MeetingTopics = MeetingTopics,
        MeetingOffers = MeetingOffers,
        MeetingSeeks = MeetingSeeks,
        ShareProfile = ShareProfile,
        RoomSharing = RoomSharing,
    };

    public static RegistrationInput From(MyRegistrationView r)
    {
        var parts = (r.Dietary ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RegistrationInput
        {
            Name = r.Name,
            Organisation = r.Organisation,
            Sector = r.Sector,
            Role = r.Role,
            Bio = r.Bio,
            MeetingTopics = r.MeetingTopics,
            MeetingOffers = r.MeetingOffers,
            MeetingSeeks = r.MeetingSeeks,
            ShareProfile = r.ShareProfile,
            Accessibility = r.Accessibility,
            DietaryChoices = [.. parts.Where(DietaryOptions.Contains)],
            Allergies = parts.FirstOrDefault(p => p.StartsWith("allergies:", StringComparison.Ordinal))?["allergies:".Length..].Trim(),
            ConsentProcessing = true,
            ConsentPhotos = r.ConsentPhotos,
            ConsentListing = r.ConsentListing,
            JobTitle = r.JobTitle,
            Phone = r.Phone,
            ArrivalAt = r.ArrivalAt,
            ArrivalBy = r.ArrivalBy,
            DepartureAt = r.DepartureAt,
            DepartureBy = r.DepartureBy,
            AccommodationNeeded = r.AccommodationNeeded,
            RoomSharing = r.RoomSharing,
            EmergencyContact = r.EmergencyContact,
            Answers = r.Answers.ToDictionary(a => a.Key, a => a.Value.ToList()),
            IdDetailsOnFile = r.IdDetailsOnFile,
        };
    }

    private static DateTime? Unspecified(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Unspecified) : null;
}
