using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registration;

namespace MissionPlanner.Web.Pages;

/// <summary>The registration form's fields, for registering and for changing one's registration.</summary>
public sealed class RegistrationInput
{
    public static readonly string[] DietaryOptions = ["vegetarian", "vegan", "halal", "kosher", "gluten-free", "lactose-free"];

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Organisation { get; set; }
    public Sector Sector { get; set; } = Sector.Academia;
    public string? JobTitle { get; set; }
    public DelegationRole Role { get; set; } = DelegationRole.Member;
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
    public string? EmergencyContact { get; set; }

    /// <summary>The ticked options and any allergies as one line, e.g. "vegetarian, allergies: nuts".</summary>
    public string DietaryText => string.Join(", ", DietaryChoices.Where(DietaryOptions.Contains)
        .Concat(string.IsNullOrWhiteSpace(Allergies) ? [] : [$"allergies: {Allergies.Trim()}"]));

    public static RegistrationInput From(MyRegistrationView r)
    {
        var parts = (r.Dietary ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RegistrationInput
        {
            Name = r.Name,
            Organisation = r.Organisation,
            Sector = r.Sector,
            Role = r.Role,
            Accessibility = r.Accessibility,
            DietaryChoices = [.. parts.Where(DietaryOptions.Contains)],
            Allergies = parts.FirstOrDefault(p => p.StartsWith("allergies:", StringComparison.Ordinal))?["allergies:".Length..].Trim(),
            ConsentProcessing = true,
            ConsentPhotos = r.ConsentPhotos,
            ConsentListing = r.ConsentListing,
            JobTitle = r.JobTitle,
            Phone = r.Phone,
        };
    }
}
