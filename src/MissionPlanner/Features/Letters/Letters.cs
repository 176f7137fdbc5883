using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>The mission's letter template as the page and the API show it, with the placeholders its wording may use.</summary>
public sealed record LetterTemplateView(string Letterhead, string Wording, string SignatoryName, string SignatoryTitle, IReadOnlyDictionary<string, string> Placeholders,
    int Version);

/// <summary>A delegate's letter request for the organisers: who, why, whether ID details are on file, and the letter as it would read.</summary>
/// <param name="Missing">The ID details still missing (the letter cannot be approved until the delegate gives them).</param>
/// <param name="Preview">While waiting: the filled wording as it would print, plain text; null while details are missing, and once decided (the PDF is
/// what was approved).</param>
/// <param name="Fingerprint">Of the letter as previewed (letterhead, signatory, wording with the details): approving needs it, so that a letter changed
/// since it was read (the delegate's details, the template) is not approved unseen.</param>
public sealed record VisaLetterView(
    Guid Id, Guid RegistrationId, string Name, string Organisation, LetterStatus Status, string? Purpose, DateTime RequestedAt, DateTime? DecidedAt, string? DecidedBy,
    string? DeclineReason, DateTime? IssuedAt, bool HasFile, IReadOnlyList<string> Missing, string? Preview, int Version, string? Fingerprint = null);

internal static class Letters
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<LetterTemplate> TemplateAsync(AppDbContext db, Guid missionId, CancellationToken ct) =>
        await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.MissionId == missionId, ct) ?? new LetterTemplate(missionId);

    public static LetterTemplateView View(LetterTemplate t) =>
        new(t.Letterhead, t.Wording, t.SignatoryName, t.SignatoryTitle, LetterTemplate.Placeholders, t.Version);

    /// <summary>The ID details a letter needs that are not on file, in words ("nationality", "passport number", "date of birth").</summary>
    public static IReadOnlyList<string> Missing(IdDetails? id) =>
        new[]
        {
            string.IsNullOrWhiteSpace(id?.Nationality) ? "nationality" : null,
            string.IsNullOrWhiteSpace(id?.IdNumber) ? "passport number" : null,
            id is null || id.DateOfBirth == default ? "date of birth" : null,
        }.OfType<string>().ToList();

    /// <summary>The placeholders' values for one delegate: their details, their ID, the mission, and the days of their stay.</summary>
    public static async Task<Dictionary<string, string>> ValuesAsync(AppDbContext db, Mission mission, Registration person, IdDetails id, CancellationToken ct)
    {
        var stay = (await Travel.Stays.ForMissionAsync(db, mission.Id, ct, [person.Id])).GetValueOrDefault(person.Id);
        var (arrival, departure) = (stay?.Arrival, stay?.Departure);
        var (checkIn, checkOut, _) = Rooms.Rooms.StayOf(mission, arrival, departure);
        string Day(DateOnly d) => d.ToString("d MMMM yyyy", English);
        return new Dictionary<string, string>
        {
            ["name"] = person.Name,
            ["organisation"] = person.Organisation,
            ["jobTitle"] = person.JobTitle ?? "",
            ["nationality"] = id.Nationality,
            ["passport"] = id.IdNumber,
            ["dateOfBirth"] = Day(id.DateOfBirth),
            ["mission"] = mission.Title,
            ["city"] = mission.HostCity,
            ["country"] = mission.HostCountry,
            ["dates"] = PublicLinks.Dates(mission.StartDate, mission.EndDate),
            ["arrival"] = Day(arrival is null ? mission.StartDate.AddDays(-1) : checkIn),
            ["departure"] = Day(departure is null ? mission.EndDate : checkOut),
        };
    }

    /// <summary>The letter as HTML for the PDF: letterhead, date, the filled wording in paragraphs (escaped), the signatory.</summary>
    public static string Html(LetterTemplate template, Mission mission, string filled, DateTime issuedUtc) =>
        MissionPlanner.Documents.DocumentTemplates.Render("visa-letter", new
        {
            MissionTitle = mission.Title,
            Letterhead = template.Letterhead.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList(),
            Date = MissionTime.ToLocal(issuedUtc, mission.TimeZone).ToString("d MMMM yyyy", English),
            Paragraphs = filled.Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('\n', StringSplitOptions.TrimEntries)).ToList(),
            template.SignatoryName,
            template.SignatoryTitle,
        });

    public static async Task<VisaLetter> LetterAsync(AppDbContext db, Guid missionId, Guid letterId, CancellationToken ct) =>
        await db.VisaLetters.FirstOrDefaultAsync(l => l.Id == letterId && l.MissionId == missionId, ct) ?? throw new NotFoundException("Letter");

    /// <summary>Who acted, for the person's history: "organiser ann@example.org", or "system".</summary>
    public static async Task<string> ActorAsync(AppDbContext db, CurrentUser user, CancellationToken ct) =>
        user.OrganiserId is { } id
            ? "organiser " + await db.Organisers.Where(o => o.Id == id).Select(o => o.Email).FirstOrDefaultAsync(ct)
            : "system";

    /// <summary>What an organiser reads before approving, as a short hash (SHA-256, hex): the letterhead, the signatory and the filled wording.</summary>
    public static string Fingerprint(LetterTemplate template, string filled) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\u0001", template.Letterhead, template.SignatoryName, template.SignatoryTitle, filled))))[..32];

    /// <summary>A link to the delegate's letter page that leaves the links they have working.</summary>
    public static string PageUrl(Links.PersonalLinks links, PublicLinks publicLinks, Mission mission, Guid registrationId) =>
        publicLinks.Registration(links.IssueAlongside(mission, Domain.Links.LinkPurpose.Registration, registrationId)) + "/letter";

    /// <summary>"letter-adéwálé-okonkwo.pdf": the name in lower case, other characters as hyphens, at most 60 of them (attachment names stay short).</summary>
    public static string FileName(Registration person)
    {
        var name = new string(person.Name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return "letter-" + (name.Length > 60 ? name[..60].TrimEnd('-') : name) + ".pdf";
    }
}

/// <summary>Where printed letters live under the data directory (<c>letters/{mission}/{letter}.pdf</c>), and their deletion.</summary>
internal static class LetterFiles
{
    public static string PathOf(Guid missionId, Guid letterId) => System.IO.Path.Combine("letters", missionId.ToString("N"), $"{letterId:N}.pdf");

    public static void DeleteMission(DataDirectory data, Guid missionId)
    {
        var folder = System.IO.Path.Combine(data.Path, "letters", missionId.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void Delete(DataDirectory data, string? file)
    {
        if (file is not null)
        {
            File.Delete(System.IO.Path.Combine(data.Path, file));
        }
    }
}
