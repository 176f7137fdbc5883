using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Imports;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Arrivals and departures from a travel agency's spreadsheet (CSV or Excel, read as every import is): one row per
/// journey with the delegate's email, arrival or departure, how (flight, train, …), carrier, number, the airport or
/// station (its code or name among the mission's places), where from or to, and the local date and time there.
/// A row sets that delegate's arrival or departure, replacing the one before. Every row is checked first, line and
/// column in each error; with any bad row nothing is imported unless only the valid rows are asked for.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportTravelLegsCommand(string? Csv, bool ImportValidRowsOnly = false, byte[]? File = null, bool Preview = false)
    : IRequest<ImportResult>, IMissionRequest, IImportCommand
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ImportTravelLegsValidator : AbstractValidator<ImportTravelLegsCommand>
{
    public ImportTravelLegsValidator() => this.ImportFile();
}

public sealed class ImportTravelLegsHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ImportTravelLegsCommand, ImportResult>
{
    private static readonly ImportField DirectionColumn = new("direction", true, "direction", "arrival or departure", "arrival/departure", "leg", "in/out", "type");
    private static readonly ImportField ModeColumn = new("by", true, "by", "mode", "transport", "travel mode", "means of transport");
    private static readonly ImportField CarrierColumn = new("carrier", false, "carrier", "airline", "operator", "company");
    private static readonly ImportField NumberColumn = new("number", false, "number", "flight", "flight number", "flight no", "train", "train number", "service");
    private static readonly ImportField PlaceColumn = new("airport or station", true, "airport or station", "airport", "station", "place", "hub", "port");
    private static readonly ImportField OtherEndColumn = new("from or to", false, "from or to", "from/to", "from", "to", "origin", "destination", "route");
    private static readonly ImportField DateColumn = new("date", true, "date", "travel date", "day");
    private static readonly ImportField TimeColumn = new("time", true, "time", "local time", "scheduled", "scheduled time");
    private static readonly ImportField[] Columns =
        [ImportField.Email, DirectionColumn, ModeColumn, CarrierColumn, NumberColumn, PlaceColumn, OtherEndColumn, DateColumn, TimeColumn];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy", "dd.MM.yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HHmm", "HH:mm:ss", "H.mm"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    private sealed record Row(int Line, Guid RegistrationId, LegDirection Direction, Fields Fields);

    private sealed record Fields(LegMode? Mode, string? Carrier, string? Number, Guid? HubId, string? OtherEnd, DateTime? ScheduledLocal, bool? ShareMobile)
        : ITravelLegFields;

    public async Task<ImportResult> Handle(ImportTravelLegsCommand request, CancellationToken cancellationToken)
    {
        if (!ImportSheet.TryOpen(request.Csv, request.File, Columns, "The file has no journeys: a header line and one line per arrival or departure.",
                out var sheet, out var failure))
        {
            return failure;
        }

        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var delegates = await db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null)
            .ToDictionaryAsync(r => r.Email, r => r.Id, cancellationToken);
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == mission.Id).ToListAsync(cancellationToken);
        var (valid, errors) = sheet.CheckRows(record =>
        {
            string Get(ImportField field) => sheet.Get(record, field);
            var rowErrors = new List<RowError>();
            var email = Organiser.NormaliseEmail(Get(ImportField.Email));
            if (!delegates.TryGetValue(email, out var registration))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"No confirmed delegate of this mission has the address '{email}'."));
            }

            LegDirection? direction = Get(DirectionColumn).Trim().ToLowerInvariant() switch
            {
                "arrival" or "arrive" or "arr" or "in" or "inbound" => LegDirection.Arrival,
                "departure" or "depart" or "dep" or "out" or "outbound" or "return" => LegDirection.Departure,
                _ => null,
            };
            if (direction is null)
            {
                rowErrors.Add(new RowError(record.Line, "direction", $"'{Get(DirectionColumn)}' is neither arrival nor departure."));
            }

            LegMode? mode = Enum.TryParse<LegMode>(Get(ModeColumn).Trim(), ignoreCase: true, out var m) && Enum.IsDefined(m) ? m
                : Get(ModeColumn).Trim().ToLowerInvariant() switch { "plane" or "air" => LegMode.Flight, "rail" => LegMode.Train, "boat" => LegMode.Ferry, "bus" => LegMode.Coach, _ => null };
            if (mode is null)
            {
                rowErrors.Add(new RowError(record.Line, "by", $"'{Get(ModeColumn)}' is not a way to travel: use flight, train, car, ferry or coach."));
            }

            if (mode is LegMode.Flight or LegMode.Train && string.IsNullOrWhiteSpace(Get(NumberColumn)))
            {
                rowErrors.Add(new RowError(record.Line, "number", $"A {(mode == LegMode.Flight ? "flight" : "train")} needs its number: manifests and drivers go by it."));
            }

            var place = Get(PlaceColumn).Trim();
            var hub = hubs.FirstOrDefault(h => string.Equals(h.Code, place, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Name, place, StringComparison.OrdinalIgnoreCase)
                                               || string.Equals(h.Label, place, StringComparison.OrdinalIgnoreCase));
            if (hub is null)
            {
                rowErrors.Add(new RowError(record.Line, "airport or station", hubs.Count == 0
                    ? "The mission has no airports or stations yet: add them on the Travel page first."
                    : $"'{place}' is not one of the mission's places: {string.Join(", ", hubs.Select(h => h.Code ?? h.Name))}."));
            }

            var date = ParseDate(Get(DateColumn));
            if (date is null)
            {
                rowErrors.Add(new RowError(record.Line, "date", $"'{Get(DateColumn)}' is not a date: write it as 2027-01-18 or 18/01/2027."));
            }

            var time = ParseTime(Get(TimeColumn));
            if (time is null)
            {
                rowErrors.Add(new RowError(record.Line, "time", $"'{Get(TimeColumn)}' is not a time: write it as 14:35, local time at the airport or station."));
            }

            var fields = new Fields(mode, NullIfEmpty(Get(CarrierColumn)), NullIfEmpty(Get(NumberColumn)), hub?.Id, NullIfEmpty(Get(OtherEndColumn)),
                date is { } day && time is { } at ? day.ToDateTime(at) : null, null);
            foreach (var e in new SetTravelLegValidator().Validate(new SetTravelLegCommand(fields.Mode, fields.Carrier, fields.Number, fields.HubId, fields.OtherEnd,
                         fields.ScheduledLocal)).Errors.Where(e => e.PropertyName is nameof(Fields.Carrier) or nameof(Fields.Number) or nameof(Fields.OtherEnd)))
            {
                rowErrors.Add(new RowError(record.Line, e.PropertyName switch { nameof(Fields.OtherEnd) => "from or to", var p => p.ToLowerInvariant() }, e.ErrorMessage));
            }

            return (new Row(record.Line, registration, direction ?? default, fields), $"{email} {direction}".ToLowerInvariant(), rowErrors);
        }, _ => null);
        if (sheet.Halt(request, errors, valid.Count) is { } halted)
        {
            return halted;
        }

        // Rows are checked with each other too (an arrival after the same person's departure): any refusal undoes the lot.
        // A person's arrival is set before their departure, unless the file moves both later than the departure on record:
        // then the departure goes first, so that neither is compared with the journey it replaces.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var refused = new List<RowError>();
        foreach (var person in valid.GroupBy(r => r.RegistrationId))
        {
            RowError? failed = null;
            foreach (var order in new[] { person.OrderBy(r => r.Direction).ToList(), person.OrderByDescending(r => r.Direction).ToList() }.Take(person.Count() > 1 ? 2 : 1))
            {
                failed = null;
                foreach (var row in order)
                {
                    try
                    {
                        await TravelRules.SetAsync(db, mission, row.RegistrationId, row.Direction, row.Fields, null, now, cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DomainException e)
                    {
                        failed = new RowError(row.Line, e.Field switch { "ScheduledLocal" => "date", "Number" => "number", "HubId" => "airport or station", var f => f }, e.Message);
                        db.ChangeTracker.Clear();
                        break;
                    }
                }

                if (failed is null)
                {
                    break;
                }
            }

            if (failed is not null)
            {
                refused.Add(failed);
            }
        }

        if (refused.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportResult(0, sheet.Rows.Count, null, [.. errors, .. refused.OrderBy(e => e.Line)], sheet.Preview(valid.Count - refused.Count));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, null, errors, sheet.Preview(valid.Count));
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A date as people type it, or a spreadsheet's date cell read as text ("2027-01-18 00:00:00").</summary>
    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var d) ? d
        : DateTime.TryParseExact(value.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? DateOnly.FromDateTime(dt)
        : null;

    /// <summary>A time as people type it, or a spreadsheet's time cell read as text ("1899-12-30 14:35:00", "14:34:59.9999999"), to the nearest minute.</summary>
    private static TimeOnly? ParseTime(string value)
    {
        var text = value.Trim();
        if (TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        TimeSpan? of = TimeSpan.TryParseExact(text, [@"hh\:mm\:ss\.FFFFFFF", @"h\:mm\:ss\.FFFFFFF"], CultureInfo.InvariantCulture, out var span) ? span
            : DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? dt.TimeOfDay
            : null;
        // 23:59:59.99 rounds to midnight, the start of the day after: too far to guess, so it stays on 23:59.
        return of is { } time && time < TimeSpan.FromDays(1) ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(Math.Round(time.TotalMinutes), 24 * 60 - 1))) : null;
    }
}
