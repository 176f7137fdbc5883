using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace MissionPlanner.Common;

/// <summary>A file that cannot be read as a list; <see cref="Line"/> is where to look (1 for the file as a whole).</summary>
public sealed class SpreadsheetException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// A list as people save it from Excel, LibreOffice, Google Sheets, Numbers, a CRM or a registration
/// tool: an Excel workbook (.xlsx, its first sheet) or delimited text (see <see cref="Csv"/>) in
/// UTF-8 with or without a byte-order mark, UTF-16 with or without one (Excel's "Unicode text"),
/// or a legacy single-byte encoding (Windows-1252 "ANSI" as Excel on Windows writes it, Mac Roman
/// as older Excel for Mac writes it), told apart by which reading gives words rather than symbols.
/// Nothing is read silently wrong: text that is none of these, or that already holds the
/// replacement character U+FFFD (a name damaged by an earlier save), is refused naming its first
/// bad line and what to do. ADR 21 has the choices and what was measured.
/// </summary>
public sealed class Spreadsheet
{
    /// <summary>The largest file accepted, in bytes (a delegation of thousands is well under 1 MB).</summary>
    public const int MaxBytes = 5_000_000;

    /// <summary>Rows read from a workbook at most; imports take far fewer (the rest is never loaded).</summary>
    public const int MaxRows = 100_000;

    private const string SaveAsUtf8 = "Save it as \"CSV UTF-8\" (Excel: File › Save As › CSV UTF-8; LibreOffice: Save As › Text CSV, character set Unicode (UTF-8)) or as an Excel workbook (.xlsx), and upload that.";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static Spreadsheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private Spreadsheet(IReadOnlyList<CsvRecord> records, string format)
    {
        Header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        HeaderLine = records[0].Line;
        Rows = records.Skip(1).ToList();
        Format = format;
    }

    /// <summary>The column names as the first non-blank line has them.</summary>
    public IReadOnlyList<string> Header { get; }

    public int HeaderLine { get; }

    /// <summary>Every line after the header that is not blank, with the line (row) number a spreadsheet program shows.</summary>
    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>How the file was read, for people: "CSV, UTF-8, separated by semicolons".</summary>
    public string Format { get; }

    /// <summary>Reads an uploaded file by its content, whatever its name says.</summary>
    /// <exception cref="SpreadsheetException">The file is empty, not a list, in an encoding that cannot be told, or damaged.</exception>
    public static Spreadsheet Read(byte[] content)
    {
        if (content.Length == 0)
        {
            throw new SpreadsheetException(1, "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw new SpreadsheetException(1, $"The file is larger than {MaxBytes / 1_000_000} MB.");
        }

        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]))
        {
            return ReadZip(content);
        }

        if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            throw new SpreadsheetException(1, "This is an Excel 97–2003 workbook (.xls), which cannot be read here. Save it as an Excel workbook (.xlsx) or as \"CSV UTF-8\" and upload that.");
        }

        var (text, encoding) = Decode(content);
        return FromText(text, encoding);
    }

    /// <summary>Reads text that is already characters (the API's <c>csv</c> field).</summary>
    public static Spreadsheet FromText(string text) => FromText(text, null);

    /// <summary>
    /// An Excel workbook (.xlsx) of one sheet: the header row, then the rows. Numbers stay numbers; text is
    /// written as text, never as a formula, whatever it starts with. Columns are named by <paramref name="header"/>
    /// (each name once).
    /// </summary>
    public static byte[] Workbook(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var table = new System.Data.DataTable(sheetName);
        var list = rows.ToList();
        for (var c = 0; c < header.Count; c++)
        {
            // A column holding only whole numbers is numeric; any other is text.
            var numeric = list.Count > 0 && list.All(r => r[c] is null or int);
            table.Columns.Add(header[c], numeric ? typeof(int) : typeof(string));
        }

        foreach (var row in list)
        {
            table.Rows.Add(row.Select((v, c) => v is null ? DBNull.Value
                : table.Columns[c].DataType == typeof(int) ? v
                : Convert.ToString(v, CultureInfo.InvariantCulture)!).ToArray());
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Spreadsheet FromText(string text, string? encoding)
    {
        if (text.Contains('\0'))
        {
            throw new SpreadsheetException(LineOf(text, text.IndexOf('\0')), "This is not a text file or a workbook. " + SaveAsUtf8);
        }

        var damaged = text.IndexOf('\uFFFD');
        if (damaged >= 0)
        {
            throw new SpreadsheetException(LineOf(text, damaged),
                "This line holds the character �, which stands for a letter lost when the file was saved in another encoding earlier. Correct the name on this line and save the file again. " + SaveAsUtf8);
        }

        IReadOnlyList<CsvRecord> records;
        char separator;
        try
        {
            records = Csv.Parse(text, out separator);
        }
        catch (CsvFormatException ex)
        {
            throw new SpreadsheetException(ex.Line, ex.Message);
        }

        if (records.Count == 0)
        {
            throw new SpreadsheetException(1, "The file is empty.");
        }

        var separatedBy = separator switch { ';' => "semicolons", '\t' => "tabs", '|' => "vertical bars", _ => "commas" };
        return new Spreadsheet(records, encoding is null ? $"CSV, separated by {separatedBy}" : $"CSV, {encoding}, separated by {separatedBy}");
    }

    private static (string Text, string Encoding) Decode(byte[] content)
    {
        if (StartsWith(content, [0xEF, 0xBB, 0xBF]))
        {
            return (Strict(content, 3), "UTF-8");
        }

        if (StartsWith(content, [0xFF, 0xFE]))
        {
            return (Utf16(content, 2, bigEndian: false), "UTF-16");
        }

        if (StartsWith(content, [0xFE, 0xFF]))
        {
            return (Utf16(content, 2, bigEndian: true), "UTF-16");
        }

        // UTF-16 without a byte-order mark: one byte of each pair is zero for Latin text.
        var sample = content.AsSpan(0, Math.Min(content.Length, 4096) & ~1);
        var (zeroEven, zeroOdd) = (0, 0);
        for (var i = 0; i < sample.Length; i += 2)
        {
            zeroEven += sample[i] == 0 ? 1 : 0;
            zeroOdd += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = Math.Max(1, sample.Length / 2);
        if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05)
        {
            return (Utf16(content, 0, bigEndian: false), "UTF-16");
        }

        if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05)
        {
            return (Utf16(content, 0, bigEndian: true), "UTF-16");
        }

        try
        {
            return (StrictUtf8.GetString(content), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return Legacy(content);
        }
    }

    /// <summary>
    /// A file that is not UTF-8 was saved by a program in its system's encoding. Spreadsheet programs
    /// in Western Europe and the Americas write Windows-1252 (Windows) or Mac Roman (older Excel for
    /// Mac); both decode any byte, so the reading kept is the one whose non-ASCII characters are
    /// letters that fit their neighbours ("Zoë", "Müller") rather than symbols ("Zo√´").
    /// </summary>
    private static (string Text, string Encoding) Legacy(byte[] content)
    {
        var candidates = new[] { (Code: 1252, Name: "Windows-1252 (\"ANSI\")"), (Code: 10000, Name: "Mac Roman") }
            .Select(c =>
            {
                var text = Encoding.GetEncoding(c.Code, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback).GetString(content);
                return (Text: text, c.Name, Score: LetterScore(text));
            })
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Name == "Mac Roman")
            .ToList();
        // On a tie the reading of Windows-1252, by far the more common today, is kept.
        var best = candidates[0];
        if (best.Score > 0)
        {
            return (best.Text, best.Name);
        }

        throw new SpreadsheetException(FirstLineThatIsNotUtf8(content), "This line is not UTF-8, and its encoding cannot be told. " + SaveAsUtf8);
    }

    private static int LetterScore(string text)
    {
        var score = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c is '\u2018' or '\u2019' && char.IsLetter(before) && char.IsLetter(after)
                || c is '\u2013' or '\u2014' && before == ' ' && after == ' '
                || c is '\u201C' or '\u201D' or '\u2026' or '\u20AC')
            {
                // Typographic apostrophes inside words, dashes between words, quotes, ellipses, the euro sign: what Word and Excel put in text.
                score += 2;
            }
            else if (char.IsLetter(c))
            {
                var between = i > 0 && i + 1 < text.Length && char.IsLower(text[i - 1]) && char.IsLower(text[i + 1]);
                score += between && category == UnicodeCategory.UppercaseLetter ? -1 : between ? 2 : 1;
            }
            else if (c == '\uFFFD' || char.IsControl(c))
            {
                score -= 5;
            }
            else if (category is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.CurrencySymbol)
            {
                score -= 2;
            }
        }

        return score;
    }

    private static Spreadsheet ReadZip(byte[] content)
    {
        var text = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 200));
        if (text.Contains("opendocument", StringComparison.Ordinal))
        {
            throw new SpreadsheetException(1, "This is an OpenDocument spreadsheet (.ods), which cannot be read here. Save it as an Excel workbook (.xlsx) or as \"CSV UTF-8\" and upload that.");
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows).ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new SpreadsheetException(1, "This file is a damaged or unknown kind of workbook. Save it as an Excel workbook (.xlsx) or as \"CSV UTF-8\" and upload that.");
        }

        var records = new List<CsvRecord>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Values.Select(Cell).ToList();
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > 0)
            {
                records.Add(new CsvRecord(i + 1, cells));
            }
        }

        if (records.Count == 0)
        {
            throw new SpreadsheetException(1, "The workbook's first sheet is empty.");
        }

        var damaged = records.FirstOrDefault(r => r.Fields.Any(f => f.Contains('\uFFFD')));
        if (damaged is not null)
        {
            throw new SpreadsheetException(damaged.Line,
                "This row holds the character �, which stands for a letter lost when the list was saved in another encoding earlier. Correct it in the workbook and upload it again.");
        }

        return new Spreadsheet(records, "Excel workbook (.xlsx), first sheet");
    }

    /// <summary>A cell as the person sees it: whole numbers without ".0", dates as ISO dates.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        DateTime { TimeOfDay.Ticks: 0 } day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static string Strict(byte[] content, int offset)
    {
        try
        {
            return StrictUtf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new SpreadsheetException(FirstLineThatIsNotUtf8(content), "The file says it is UTF-8, but this line is not. " + SaveAsUtf8);
        }
    }

    private static string Utf16(byte[] content, int offset, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            return encoding.GetString(content, offset, (content.Length - offset) & ~1);
        }
        catch (DecoderFallbackException)
        {
            throw new SpreadsheetException(1, "The file looks like UTF-16 (\"Unicode text\") but is damaged. " + SaveAsUtf8);
        }
    }

    private static int FirstLineThatIsNotUtf8(byte[] content)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                try
                {
                    StrictUtf8.GetString(content, start, i - start);
                }
                catch (DecoderFallbackException)
                {
                    return line;
                }

                line++;
                start = i + 1;
            }
        }

        return 1;
    }

    /// <summary>The line of a character, counting CRLF, LF and the bare CR of classic Mac files as line ends.</summary>
    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            line += text[i] == '\n' || text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n') ? 1 : 0;
        }

        return line;
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);
}
