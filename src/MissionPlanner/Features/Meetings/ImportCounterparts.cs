using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Imports;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Adds the counterparts in a spreadsheet (read by <see cref="ImportSheet"/>): name (or first and last name), email,
/// organisation, sector, and optionally country, topics, offers, seeks and profile. Every row is checked first (line
/// and column in each error); with any bad row nothing is added unless only the valid rows are asked for. Nobody is
/// emailed: organisers invite them when ready (<see cref="InviteCounterpartsCommand"/>).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportCounterpartsCommand(string? Csv, bool ImportValidRowsOnly = false, byte[]? File = null, bool Preview = false)
    : IRequest<ImportResult>, IMissionRequest, IImportCommand
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ImportCounterpartsValidator : AbstractValidator<ImportCounterpartsCommand>
{
    public ImportCounterpartsValidator() => this.ImportFile();
}

public sealed class ImportCounterpartsHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ImportCounterpartsCommand, ImportResult>
{
    private static readonly ImportField OrganisationColumn = ImportField.Organisation with { Required = true };
    private static readonly ImportField SectorColumn = new("sector", true, "sector", "organisation type", "organization type", "type", "category");
    private static readonly ImportField CountryColumn = new("country", false, "country", "land", "nation");
    private static readonly ImportField TopicsColumn = new("topics", false, "topics", "topic", "interests", "keywords", "themes", "expertise");
    private static readonly ImportField OffersColumn = new("offers", false, "offers", "offer", "we offer", "can offer");
    private static readonly ImportField SeeksColumn = new("seeks", false, "seeks", "looking for", "we seek", "seeking", "needs");
    private static readonly ImportField ProfileColumn = new("profile", false, "profile", "description", "about", "bio");
    private static readonly ImportField[] Columns =
        [ImportField.Email, ImportField.Name, OrganisationColumn, SectorColumn, CountryColumn, TopicsColumn, OffersColumn, SeeksColumn, ProfileColumn];

    private static readonly CounterpartFieldsValidator Fields = new();

    public async Task<ImportResult> Handle(ImportCounterpartsCommand request, CancellationToken cancellationToken)
    {
        if (!ImportSheet.TryOpen(request.Csv, request.File, Columns, "The file has no counterparts: a header line and one line per person.", out var sheet, out var failure))
        {
            return failure;
        }

        var existing = (await db.Counterparts.AsNoTracking().Where(c => c.MissionId == request.MissionId && c.RemovedAt == null).Select(c => c.Email)
            .ToListAsync(cancellationToken)).ToHashSet();
        var (valid, errors) = sheet.CheckRows(record =>
        {
            string Get(ImportField field) => sheet.Get(record, field);
            var rowErrors = new List<RowError>();
            var sector = SectorNames.Parse(Get(SectorColumn));
            if (sector is null)
            {
                rowErrors.Add(new RowError(record.Line, "sector", SectorNames.NotASector(Get(SectorColumn))));
            }

            var row = new AddCounterpartCommand(Get(ImportField.Name), Organiser.NormaliseEmail(Get(ImportField.Email)), Get(OrganisationColumn), sector ?? Sector.Other,
                NullIfEmpty(Get(CountryColumn)), NullIfEmpty(Get(TopicsColumn)), NullIfEmpty(Get(OffersColumn)), NullIfEmpty(Get(SeeksColumn)),
                NullIfEmpty(Get(ProfileColumn)))
            { MissionId = request.MissionId };
            rowErrors.AddRange(Fields.Validate(row).Errors.Where(e => e.PropertyName != nameof(ICounterpartFields.Sector))
                .Select(e => new RowError(record.Line, e.PropertyName.ToLowerInvariant(), e.ErrorMessage)));
            return (row, row.Email, rowErrors);
        }, email => existing.Contains(email) ? $"{email} is already a counterpart of this mission." : null);
        if (sheet.Halt(request, errors, valid.Count) is { } halted)
        {
            return halted;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in valid)
        {
            await Counterparts.AddOrRestoreAsync(db, row, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, null, errors, sheet.Preview(valid.Count));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
