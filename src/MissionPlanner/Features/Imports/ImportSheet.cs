using System.Text;
using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Imports;

/// <summary>One problem in an imported file: its line (row) number as a spreadsheet program shows it, the field, and what to do.</summary>
public sealed record RowError(int Line, string Column, string Message);

/// <summary>
/// What an import did: people imported, rows skipped, the batch the emails went out in, every
/// problem by line, and how the file was read (<see cref="ImportPreview"/>). With
/// <c>preview: true</c> nothing is imported and the result says what would be.
/// </summary>
public sealed record ImportResult(int Imported, int Skipped, string? Batch, IReadOnlyList<RowError> Errors, ImportPreview? Preview = null)
{
    public bool NothingImported => Imported == 0;
}

/// <summary>How a file was understood: its format, what each column was read as, and its first rows as they will be imported.</summary>
/// <param name="Format">For people: "CSV, Windows-1252 ("ANSI"), separated by semicolons".</param>
/// <param name="Rows">Rows in the file after its header.</param>
/// <param name="Valid">Rows that can be imported as they are.</param>
public sealed record ImportPreview(string Format, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<PreviewRow> FirstRows, int Rows, int Valid);

/// <summary>A column of the file: its letter, its header as typed, and the field it is read as (null: ignored).</summary>
public sealed record ImportColumn(string Letter, string Header, string? ReadAs);

/// <summary>A row as it will be imported: field → value, in the order of the import's fields.</summary>
public sealed record PreviewRow(int Line, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// A field an import reads, with the header names people and programs use for it (compared
/// ignoring case, accents, spaces and punctuation, so "E-mail Address" is "email address").
/// </summary>
public sealed record ImportField(string Label, bool Required, params string[] Names)
{
    public static readonly ImportField Email = new("email", true, "email", "e-mail", "email address", "e-mail address", "mail", "mail address",
        "work email", "business email", "primary email", "email 1", "e-mailadres", "emailadres", "email adres");

    /// <summary>A person's name: one column, or first (given) name, an optional middle part and last (family) name, joined.</summary>
    public static readonly ImportField Name = new("name", true, "name", "full name", "display name", "participant", "participant name", "delegate",
        "delegate name", "attendee", "attendee name", "contact", "contact name", "naam", "volledige naam");

    public static readonly ImportField Organisation = new("organisation", false, "organisation", "organization", "organisation name", "organization name",
        "company", "company name", "institution", "affiliation", "employer", "university", "organisatie", "bedrijf", "instelling");

    internal static readonly ImportField FirstName = new("first name", false, "first name", "firstname", "given name", "forename", "first", "voornaam", "vorname");
    internal static readonly ImportField MiddleName = new("middle name", false, "middle name", "middle", "tussenvoegsel", "infix");
    internal static readonly ImportField LastName = new("last name", false, "last name", "lastname", "family name", "surname", "last", "achternaam", "nachname");
}

/// <summary>
/// The one reader behind every import: decodes the file (<see cref="Spreadsheet"/>), finds each
/// field's column by any of its usual header names in any order and case, lists the columns it
/// ignores, and refuses a header that misses a required field or names one twice, by name.
/// </summary>
public sealed class ImportSheet
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxRows = 5000;

    private const int PreviewRows = 5;

    private readonly Spreadsheet sheet;
    private readonly IReadOnlyList<ImportField> fields;
    private readonly Dictionary<ImportField, int> columns;

    private ImportSheet(Spreadsheet sheet, IReadOnlyList<ImportField> fields, Dictionary<ImportField, int> columns, IReadOnlyList<ImportColumn> uses)
    {
        this.sheet = sheet;
        this.fields = fields;
        this.columns = columns;
        Columns = uses;
    }

    public IReadOnlyList<CsvRecord> Rows => sheet.Rows;

    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>
    /// Reads <paramref name="file"/> (bytes of any supported format) or <paramref name="csv"/> (text) and maps its columns
    /// to <paramref name="fields"/>; on failure, <paramref name="failure"/> is the result to answer with (line and reason).
    /// </summary>
    public static bool TryOpen(string? csv, byte[]? file, IReadOnlyList<ImportField> fields, string noRows, out ImportSheet sheet, out ImportResult failure)
    {
        sheet = null!;
        failure = null!;
        Spreadsheet read;
        try
        {
            read = file is not null ? Spreadsheet.Read(file) : Spreadsheet.FromText(csv ?? "");
        }
        catch (SpreadsheetException ex)
        {
            failure = Failed(ex.Line, ex.Message);
            return false;
        }

        var error = Map(read, fields, out var columns, out var uses);
        if (error is not null)
        {
            failure = Failed(read.HeaderLine, error);
            return false;
        }

        if (read.Rows.Count == 0)
        {
            failure = Failed(read.HeaderLine, noRows);
            return false;
        }

        if (read.Rows.Count > MaxRows)
        {
            failure = Failed(read.HeaderLine, $"At most {MaxRows} people per file; this one has {read.Rows.Count}.");
            return false;
        }

        sheet = new ImportSheet(read, fields, columns, uses);
        return true;
    }

    /// <summary>The field's value on <paramref name="row"/>, trimmed; "" when the column is absent or the row short.</summary>
    public string Get(CsvRecord row, ImportField field)
    {
        if (field == ImportField.Name && !columns.ContainsKey(ImportField.Name))
        {
            var parts = new[] { ImportField.FirstName, ImportField.MiddleName, ImportField.LastName }.Select(p => Get(row, p)).Where(p => p.Length > 0);
            return string.Join(' ', parts);
        }

        return columns.TryGetValue(field, out var at) && at < row.Fields.Count ? row.Fields[at].Trim() : "";
    }

    /// <summary>
    /// Checks every row: <paramref name="read"/> gives the row, its address and its own errors; an address that
    /// <paramref name="taken"/> names (returning why) or that an earlier line already has is refused on "email".
    /// </summary>
    public (List<T> Valid, List<RowError> Errors) CheckRows<T>(Func<CsvRecord, (T Row, string Email, IEnumerable<RowError> Errors)> read, Func<string, string?> taken)
    {
        var seen = new Dictionary<string, int>();
        var errors = new List<RowError>();
        var valid = new List<T>();
        foreach (var record in Rows)
        {
            var (row, email, own) = read(record);
            var rowErrors = own.ToList();
            if (rowErrors.All(e => e.Column != "email") && taken(email) is { } why)
            {
                rowErrors.Add(new RowError(record.Line, "email", why));
            }
            else if (rowErrors.All(e => e.Column != "email") && seen.TryGetValue(email, out var first))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"{email} appears twice in the file (also on line {first})."));
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            seen[email] = record.Line;
            valid.Add(row);
        }

        return (valid, errors);
    }

    /// <summary>The answer when nothing is to be imported: a preview, or bad rows without "import the valid rows only"; null to go on.</summary>
    public ImportResult? Halt(IImportCommand command, IReadOnlyList<RowError> errors, int valid) =>
        command.Preview || (errors.Count > 0 && !command.ImportValidRowsOnly) ? new ImportResult(0, Rows.Count, null, errors, Preview(valid)) : null;

    /// <summary>How the file was understood, with its first rows; <paramref name="valid"/> is how many rows can be imported.</summary>
    public ImportPreview Preview(int valid) => new(sheet.Format, Columns,
        sheet.Rows.Take(PreviewRows).Select(r => new PreviewRow(r.Line, fields.ToDictionary(f => f.Label, f => Get(r, f)))).ToList(),
        sheet.Rows.Count, valid);

    private static ImportResult Failed(int line, string message) => new(0, 0, null, [new RowError(line, "", message)]);

    private static string? Map(Spreadsheet sheet, IReadOnlyList<ImportField> fields, out Dictionary<ImportField, int> columns, out IReadOnlyList<ImportColumn> uses)
    {
        var wanted = fields.Contains(ImportField.Name) ? [.. fields, ImportField.FirstName, ImportField.MiddleName, ImportField.LastName] : fields.ToList();
        var byName = wanted.SelectMany(f => f.Names.Select(n => (Name: Normalise(n), Field: f))).DistinctBy(x => x.Name).ToDictionary(x => x.Name, x => x.Field);
        var found = new Dictionary<ImportField, int>();
        columns = found;
        var readAs = new string?[sheet.Header.Count];
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            if (!byName.TryGetValue(Normalise(sheet.Header[i]), out var field))
            {
                continue;
            }

            if (found.TryGetValue(field, out var first))
            {
                uses = [];
                return $"Columns {Letter(first)} ({sheet.Header[first]}) and {Letter(i)} ({sheet.Header[i]}) are both read as {field.Label}; rename or remove one.";
            }

            found[field] = i;
            readAs[i] = field.Label;
        }

        var nameParts = new[] { ImportField.FirstName, ImportField.MiddleName, ImportField.LastName };
        if (found.ContainsKey(ImportField.Name))
        {
            foreach (var part in nameParts.Where(found.ContainsKey))
            {
                readAs[found[part]] = null;
                found.Remove(part);
            }
        }
        else if (nameParts.Any(found.ContainsKey))
        {
            foreach (var part in nameParts.Where(found.ContainsKey))
            {
                readAs[found[part]] = $"{part.Label} (joined into name)";
            }
        }

        var missing = fields.Where(f => f.Required && !found.ContainsKey(f)
            && !(f == ImportField.Name && (found.ContainsKey(ImportField.FirstName) || found.ContainsKey(ImportField.LastName)))).ToList();
        uses = sheet.Header.Select((h, i) => new ImportColumn(Letter(i), h, readAs[i])).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var expected = string.Join("; ", missing.Select(f => f == ImportField.Name
            ? "name (or first name and last name)"
            : $"{f.Label} (or {string.Join(", ", f.Names.Where(n => n != f.Label).Take(3))})"));
        var header = string.Join(", ", sheet.Header.Where(h => h.Length > 0).Take(8));
        return $"The first line must name the columns; missing: {expected}. The first line has: {(header.Length == 0 ? "nothing" : header)}.";
    }

    /// <summary>"E-mail Address (work)" → "emailaddress": lower case, no accents, no parenthesised notes, letters and digits only.</summary>
    private static string Normalise(string header)
    {
        var open = header.IndexOf('(');
        if (open > 0)
        {
            header = header[..open];
        }

        var text = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    private static string Letter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + ((index - 1) % 26)) + letters;
        }

        return letters;
    }
}

/// <summary>What every import command carries: the file as text or as bytes, and whether to only look.</summary>
public interface IImportCommand
{
    /// <summary>The list as text (CSV with a header line).</summary>
    string? Csv { get; }

    /// <summary>The file's bytes (base64 in JSON): .xlsx, or CSV in UTF-8, UTF-16, Windows-1252 or Mac Roman.</summary>
    byte[]? File { get; }

    /// <summary>Check and show how the file is understood, importing nothing.</summary>
    bool Preview { get; }

    /// <summary>With bad rows, import the others anyway (otherwise nothing is imported).</summary>
    bool ImportValidRowsOnly { get; }
}

public static class ImportCommandRules
{
    /// <summary>Exactly one of <c>csv</c> and <c>file</c>, within <see cref="Spreadsheet.MaxBytes"/>.</summary>
    public static void ImportFile<T>(this AbstractValidator<T> validator)
        where T : IImportCommand
    {
        validator.RuleFor(x => x.Csv).Must((command, csv) => string.IsNullOrEmpty(csv) != (command.File is null or { Length: 0 }))
            .WithMessage("Send the list as csv (text) or as file (the file's bytes), one of the two.");
        validator.RuleFor(x => x.Csv).MaximumLength(Spreadsheet.MaxBytes);
        validator.RuleFor(x => x.File).Must(f => f is null || f.Length <= Spreadsheet.MaxBytes)
            .WithMessage($"The file is larger than {Spreadsheet.MaxBytes / 1_000_000} MB.");
    }
}

/// <summary>Sectors as spreadsheets name them.</summary>
public static class SectorNames
{
    public static Sector? Parse(string value) => value.ToLowerInvariant().Replace("-", "").Replace(" ", "") switch
    {
        "academia" or "academic" or "university" => Sector.Academia,
        "industry" or "company" or "corporate" => Sector.Industry,
        "startup" or "scaleup" => Sector.StartUp,
        "government" or "policy" or "agency" => Sector.Government,
        "other" or "investor" => Sector.Other,
        _ => null,
    };

    public static string NotASector(string value) => $"'{value}' is not a sector: use academia, industry, start-up, government or other.";
}
