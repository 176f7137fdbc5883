using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

public sealed record InvitationDto(
    Guid Id, string Email, string Name, string? Organisation, InvitationStatus Status, DateTime CreatedAt,
    DateTime? RespondedAt, int RemindersSent, string? Batch);

public interface IInviteeFields
{
    string Email { get; }
    string Name { get; }
    string? Organisation { get; }
}

public sealed record InviteeFields(string Email, string Name, string? Organisation) : IInviteeFields;

public sealed class InviteeValidator : AbstractValidator<IInviteeFields>
{
    public InviteeValidator()
    {
        RuleFor(x => x.Email).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Invitation.NameMax).SingleLine();
        RuleFor(x => x.Organisation).MaximumLength(Organisation.NameMax);
    }
}

internal static class InvitationEmails
{
    public static EmailModels.Invitation Model(Mission mission, Invitation invitation, string link, string? message) =>
        new(invitation.Name, mission.Title, mission.Summary, PublicLinks.Where(mission),
            PublicLinks.Dates(mission.StartDate, mission.EndDate), link,
            mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : null, string.IsNullOrWhiteSpace(message) ? null : message.Trim());

    public static void EnsureCanInvite(Mission mission)
    {
        if (mission.Status != MissionStatus.Open)
        {
            throw new MissionPlanner.Domain.Common.DomainException("Status",
                $"Invitations go out while registration is open; this mission is {mission.Status}. Open it first.");
        }
    }
}

/// <summary>An uploaded CSV with a header line: columns found by any of their usual names, rows by line number.</summary>
public sealed class CsvSheet
{
    private readonly List<string> header;

    private CsvSheet(IReadOnlyList<CsvRecord> records)
    {
        header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        Rows = records.Skip(1).ToList();
    }

    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>Parses the file; a malformed file, or fewer lines than needed, gives the error to report instead.</summary>
    public static bool TryRead(string text, int minimumLines, string tooShort, out CsvSheet sheet, out RowError? error)
    {
        sheet = null!;
        error = null;
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = Csv.Parse(text);
        }
        catch (CsvFormatException ex)
        {
            error = new RowError(ex.Line, "", ex.Message);
            return false;
        }

        if (records.Count < minimumLines)
        {
            error = new RowError(1, "", tooShort);
            return false;
        }

        sheet = new CsvSheet(records);
        return true;
    }

    public int Column(params string[] names) => header.FindIndex(names.Contains);

    public static string Get(CsvRecord record, int column) => column >= 0 && column < record.Fields.Count ? record.Fields[column] : "";
}
