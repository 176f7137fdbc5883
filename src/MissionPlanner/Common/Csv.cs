using System.Text;
using System.Text.RegularExpressions;

namespace MissionPlanner.Common;

public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

public sealed class CsvFormatException(int line, string message) : Exception($"Line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads CSV as spreadsheets write it (RFC 4180): comma, semicolon or tab (whichever the header
/// uses most, or the one Excel's <c>sep=;</c> first line names), with or without a byte-order mark,
/// quoted fields that may hold separators, doubled quotes and line breaks. Each record knows the
/// line it starts on, for error messages people can find. Decoding bytes is
/// <see cref="Spreadsheet"/>'s job; this reads text.
/// </summary>
public static partial class Csv
{
    public static IReadOnlyList<CsvRecord> Parse(string text) => Parse(text, out _);

    /// <summary>Parses <paramref name="text"/> and says which separator it used.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, out char separator)
    {
        text = text.TrimStart('\uFEFF');
        var line = 1;
        var start = 0;
        if (ExcelSeparatorLine().Match(text) is { Success: true } sep)
        {
            separator = sep.Groups[1].Value[0];
            start = sep.Length;
            line = 2;
        }
        else
        {
            separator = DetectSeparator(text);
        }

        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = line;
        var quoted = false;
        var fieldWasQuoted = false;

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(Finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(Finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
                AddRecord(records, recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(recordLine, "a quoted field is never closed (a \" is missing).");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            fields.Add(Finish(field, fieldWasQuoted));
            AddRecord(records, recordLine, fields);
        }

        return records;
    }

    /// <summary>Quotes a field when it needs it, and guards against formulas when opened in a spreadsheet.</summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>A CSV file as Excel opens it correctly: UTF-8 with a byte-order mark, CRLF lines, every field through <see cref="Field"/>.</summary>
    public static byte[] Document(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }

    private static void AddRecord(List<CsvRecord> records, int line, List<string> fields)
    {
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            return; // blank line
        }

        records.Add(new CsvRecord(line, fields));
    }

    private static char DetectSeparator(string text)
    {
        // The first line with anything on it: a file may start with blank lines.
        var header = "";
        for (var start = 0; start < text.Length && header.Trim().Length == 0;)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            header = end < 0 ? text[start..] : text[start..end];
            start = end < 0 ? text.Length : end + 1;
        }
        return new[] { ',', ';', '\t' }.MaxBy(s => header.Count(c => c == s));
    }

    /// <summary>Excel's own hint on a first line of its own: <c>sep=;</c>.</summary>
    [GeneratedRegex(@"\Asep=([,;\t|])[ \t]*(\r\n|\n|\r)", RegexOptions.IgnoreCase)]
    private static partial Regex ExcelSeparatorLine();
}
