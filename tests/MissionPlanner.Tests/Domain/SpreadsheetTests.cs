using System.Text;
using MiniExcelLibs;
using MissionPlanner.Features.Imports;

namespace MissionPlanner.Tests.Domain;

/// <summary>Lists as Excel, LibreOffice, Google Sheets and CRMs save them: every one reads to the same names, or is refused by line.</summary>
public sealed class SpreadsheetTests
{
    private const string Text = "first name;last name;email;organisation\r\nZoë;Müller;zoe@example.org;Universität Zürich\r\nJosé;Núñez;jose@example.org;Université Côte d’Azur\r\n";

    static SpreadsheetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly ImportField[] Fields = [ImportField.Email, ImportField.Name, ImportField.Organisation];

    private static ImportSheet Open(byte[] file)
    {
        ImportSheet.TryOpen(null, file, Fields, "no rows", out var sheet, out var failure).Should().BeTrue(string.Join("; ", failure?.Errors.Select(e => e.Message) ?? []));
        return sheet;
    }

    private static string[] Names(ImportSheet sheet) => sheet.Rows.Select(r => sheet.Get(r, ImportField.Name)).ToArray();

    private static RowError Refused(byte[] file)
    {
        ImportSheet.TryOpen(null, file, Fields, "no rows", out _, out var failure).Should().BeFalse();
        return failure.Errors.Should().ContainSingle().Subject;
    }

    public static TheoryData<string, byte[], string> SavedAs() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text), "CSV, UTF-8, separated by semicolons" },
        { "UTF-8 with BOM (Excel: CSV UTF-8)", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)], "CSV, UTF-8, separated by semicolons" },
        { "UTF-16 LE with BOM, tabs (Excel: Unicode text)", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text.Replace(';', '\t'))], "CSV, UTF-16, separated by tabs" },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)], "CSV, UTF-16, separated by semicolons" },
        { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes(Text), "CSV, UTF-16, separated by semicolons" },
        { "Windows-1252 (Excel on Windows: CSV)", Encoding.GetEncoding(1252).GetBytes(Text), "CSV, Windows-1252 (\"ANSI\"), separated by semicolons" },
        { "Mac Roman (older Excel for Mac: CSV)", Encoding.GetEncoding(10000).GetBytes(Text), "CSV, Mac Roman, separated by semicolons" },
        { "Excel's sep= line, commas, quoted", Encoding.UTF8.GetBytes("sep=,\r\n\"First Name\",\"Surname\",\"E-mail Address\",\"Company\"\r\nZoë,Müller,zoe@example.org,\"Universität Zürich\"\r\nJosé,Núñez,jose@example.org,Université Côte d’Azur\r\n"), "CSV, UTF-8, separated by commas" },
    };

    [Theory, MemberData(nameof(SavedAs))]
    public void EveryCommonSave_ReadsToTheSameNames(string savedAs, byte[] file, string format)
    {
        var sheet = Open(file);

        Names(sheet).Should().Equal(["Zoë Müller", "José Núñez"], savedAs);
        sheet.Rows.Select(r => sheet.Get(r, ImportField.Organisation)).Should().Equal("Universität Zürich", "Université Côte d’Azur");
        sheet.Preview(2).Format.Should().Be(format);
        sheet.Rows.Select(r => r.Line).Should().Equal(savedAs.Contains("sep=") ? [3, 4] : [2, 3], "line numbers are those the spreadsheet shows");
    }

    [Fact]
    public void AnExcelWorkbook_IsReadFromItsFirstSheet_WithNumbersAsTyped_AndRowNumbersKept()
    {
        using var stream = new MemoryStream();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "Given name", ["B"] = "Tussenvoegsel", ["C"] = "Family name", ["D"] = "Email", ["E"] = "Phone", ["F"] = "Notes" },
            new() { ["A"] = "Ann", ["B"] = "de", ["C"] = "Vries", ["D"] = "ann@example.org", ["E"] = 31612345678L, ["F"] = "vegetarian" },
            new() { ["A"] = null, ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = null, ["F"] = null },
            new() { ["A"] = "Bob", ["B"] = null, ["C"] = "Jansen", ["D"] = "bob@example.org", ["E"] = null, ["F"] = null },
        };
        stream.SaveAs(rows, printHeader: false);

        var sheet = Open(stream.ToArray());

        Names(sheet).Should().Equal("Ann de Vries", "Bob Jansen");
        sheet.Rows.Select(r => r.Line).Should().Equal(2, 4);
        sheet.Rows[0].Fields[4].Should().Be("31612345678");
        var preview = sheet.Preview(2);
        preview.Format.Should().Be("Excel workbook (.xlsx), first sheet");
        preview.Columns.Select(c => (c.Letter, c.Header, c.ReadAs)).Should().Equal(
            ("A", "Given name", "first name (joined into name)"), ("B", "Tussenvoegsel", "middle name (joined into name)"),
            ("C", "Family name", "last name (joined into name)"), ("D", "Email", "email"), ("E", "Phone", null), ("F", "Notes", null));
        preview.FirstRows[0].Values.Should().Equal(new Dictionary<string, string> { ["email"] = "ann@example.org", ["name"] = "Ann de Vries", ["organisation"] = "" });
    }

    [Fact]
    public void ANameColumn_WinsOverNameParts_AndHeadersMatchInAnyCaseOrderOrPunctuation()
    {
        var sheet = Open(Encoding.UTF8.GetBytes("ORGANIZATION,First Name,Full Name,E-Mail (work)\nTU Delft,Ann,\"de Vries, Ann\",ann@example.org\n"));

        Names(sheet).Should().Equal("de Vries, Ann");
        sheet.Columns.Select(c => c.ReadAs).Should().Equal("organisation", null, "name", "email");
    }

    [Fact]
    public void AHeaderMissingAField_OrNamingOneTwice_IsRefusedByName()
    {
        Refused(Encoding.UTF8.GetBytes("email;organisation\nann@example.org;TU Delft\n")).Message.Should()
            .Contain("missing: name (or first name and last name)").And.Contain("The first line has: email, organisation");
        Refused(Encoding.UTF8.GetBytes("Email,Name,E-mail address\nann@example.org,Ann,ann@example.org\n")).Message.Should()
            .Be("Columns A (Email) and C (E-mail address) are both read as email; rename or remove one.");
        Refused(Encoding.UTF8.GetBytes("email,name\n")).Message.Should().Be("no rows");
    }

    [Fact]
    public void TextThatIsNoKnownEncoding_OrAlreadyDamaged_IsRefusedNamingTheLine_NeverStoredWithReplacementCharacters()
    {
        var damaged = Refused(Encoding.UTF8.GetBytes("email,name\nann@example.org,Ann\nzoe@example.org,Zo\uFFFD M\uFFFDller\n"));
        damaged.Line.Should().Be(3);
        damaged.Message.Should().Contain("lost when the file was saved");

        // Bytes that make symbols, not words, in both single-byte readings (± © ° ¢ × / ◊).
        var garbled = Refused([.. "email,name\nann@example.org,Ann\nbob@example.org,"u8, 0xB1, 0xA9, 0xB0, 0xA2, 0xD7, 0x0A]);
        garbled.Line.Should().Be(3);
        garbled.Message.Should().Contain("CSV UTF-8");

        var badUtf8AfterBom = Refused([0xEF, 0xBB, 0xBF, .. "email,name\nann@example.org,Ann\nzoe@example.org,Zo"u8, 0xEB, 0x0A]);
        badUtf8AfterBom.Line.Should().Be(3);
        badUtf8AfterBom.Message.Should().StartWith("The file says it is UTF-8, but this line is not.");
    }

    [Fact]
    public void WorkbooksThatCannotBeRead_AreRefusedWithWhatToDo()
    {
        Refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0]).Message.Should().Contain(".xls").And.Contain("Save it as an Excel workbook (.xlsx)");
        Refused([.. "PK\u0003\u0004"u8, .. new byte[26], .. "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"u8]).Message.Should().Contain(".ods");
        Refused([.. "PK\u0003\u0004"u8, .. new byte[100]]).Message.Should().Contain("damaged");
        Refused([]).Message.Should().Be("The file is empty.");
    }

    [Fact]
    public void AWindowsFileWhoseOnlyAccentsAreWordsPunctuation_IsReadAsWindows1252_NotMacRoman()
    {
        var file = Encoding.GetEncoding(1252).GetBytes("email;name;organisation\r\nsean@example.org;Seán O’Brien;Children’s Trust – UK\r\n");

        var sheet = Open(file);

        Names(sheet).Should().Equal("Seán O’Brien");
        sheet.Rows.Select(r => sheet.Get(r, ImportField.Organisation)).Should().Equal("Children’s Trust – UK");
        sheet.Preview(1).Format.Should().StartWith("CSV, Windows-1252");
        Names(Open(Encoding.GetEncoding(1252).GetBytes("email;name\r\nob@example.org;O’Brien\r\n"))).Should().Equal("O’Brien");
    }

    [Fact]
    public void BlankLinesBeforeTheHeader_DoNotHideItsSeparator_AndClassicMacLineEndsCountAsLines()
    {
        Names(Open(Encoding.UTF8.GetBytes("\r\n\r\nemail;name;organisation\r\nann@example.org;Ann, de Vries;TU Delft\r\n"))).Should().Equal("Ann, de Vries");

        var damaged = Refused(Encoding.UTF8.GetBytes("email,name\rann@example.org,Ann\rzoe@example.org,Zo\uFFFD\r"));
        damaged.Line.Should().Be(3);
    }
}
