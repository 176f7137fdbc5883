using System.Globalization;

namespace MissionPlanner.Common;

/// <summary>How a list is downloaded.</summary>
public enum ExportFormat
{
    /// <summary>CSV as Excel opens it (UTF-8 with a byte-order mark, formulas guarded; see <see cref="Csv.Document"/>).</summary>
    Csv,

    /// <summary>An Excel workbook (see <see cref="Spreadsheet.Workbook"/>); whole numbers stay numbers.</summary>
    Xlsx,
}

/// <summary>A file to download: its bytes, content type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>One table as CSV or as a one-sheet workbook named <paramref name="sheet"/>; <paramref name="name"/> without extension.</summary>
    public static ExportFile Of(ExportFormat format, string name, string sheet, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<object?>> rows) =>
        format == ExportFormat.Xlsx
            ? new ExportFile(Spreadsheet.Workbook(sheet, header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : new ExportFile(Csv.Document(header, rows.Select(r => r.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)))), "text/csv; charset=utf-8",
                name + ".csv");
}
