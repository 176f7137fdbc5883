using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace MissionPlanner.Documents;

/// <summary>One document of a batch: its HTML (made from the same template as the others) and its running header.</summary>
public sealed record PdfPart(string Html, string? Header);

/// <summary>
/// Many documents printed as one Chromium job and split again (ADR 0023): one print of 25 itineraries costs little more
/// than one of a single itinerary, as most of a print is Chromium's fixed cost per job. <see cref="Join"/> puts each
/// document's body in a section that starts on a new page, with an invisible link at its top whose address names the
/// section; <see cref="Split"/> finds those links' pages in the printed PDF (PDFsharp), cuts the pages at them, drops
/// the links, and stamps each document's own running header and "Page i of n" — numbers Chromium would count across the
/// whole batch. A document never gets a page of another: a page belongs to the section whose link came last before it.
/// </summary>
public static class PdfBatch
{
    private const string Marker = "https://missionplanner.invalid/part/";

    /// <summary>The documents as one HTML document: the first one's head, then each body in a section of its own.</summary>
    /// <exception cref="ArgumentException">When the documents' styles differ (not made from one template): they cannot share one print.</exception>
    public static string Join(IReadOnlyList<string> documents)
    {
        ArgumentOutOfRangeException.ThrowIfZero(documents.Count);
        var head = Head(documents[0]);
        var style = Styles(head);
        var html = new StringBuilder(documents.Sum(d => d.Length) + 200 * documents.Count);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n").Append(head.Replace("</head>",
            "<style>.mp-part{break-before:page;position:relative}.mp-part:first-of-type{break-before:auto}"
            + ".mp-mark{position:absolute;top:0;left:0;width:1px;height:1px;overflow:hidden;font-size:1px;line-height:1px;color:transparent}</style>\n</head>",
            StringComparison.OrdinalIgnoreCase));
        html.Append("\n<body>\n");
        for (var i = 0; i < documents.Count; i++)
        {
            if (!string.Equals(Styles(Head(documents[i])), style, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Document {i + 1} of the batch has other styles than the first: print it on its own.", nameof(documents));
            }

            html.Append("<section class=\"mp-part\"><a class=\"mp-mark\" href=\"").Append(Marker).Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\">.</a>\n").Append(Body(documents[i])).Append("</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>
    /// The printed batch cut into its documents, each with its own running header (when given) and page numbers (when
    /// <paramref name="layout"/> asks for them), drawn where Chromium draws them.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a section's link is missing or out of order: nothing is guessed.</exception>
    public static IReadOnlyList<byte[]> Split(byte[] pdf, IReadOnlyList<string?> headers, PdfLayout layout)
    {
        using var input = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var starts = Enumerable.Repeat(-1, headers.Count).ToArray();
        for (var p = 0; p < input.PageCount; p++)
        {
            foreach (var uri in LinkUris(input.Pages[p]))
            {
                if (uri.StartsWith(Marker, StringComparison.Ordinal) && int.TryParse(uri.AsSpan(Marker.Length), CultureInfo.InvariantCulture, out var part)
                    && part >= 0 && part < starts.Length && starts[part] < 0)
                {
                    starts[part] = p;
                }
            }
        }

        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i] < 0 || i > 0 && starts[i] <= starts[i - 1] || i == 0 && starts[i] != 0)
            {
                throw new InvalidOperationException($"The batch print lost track of document {i + 1} of {starts.Length} (its page marker is missing or out of order).");
            }
        }

        DocumentFonts.Register();
        var result = new List<byte[]>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : input.PageCount;
            using var output = new PdfDocument();
            output.Info.Title = headers[i] ?? "";
            output.Info.Creator = "MissionPlanner";
            for (var p = starts[i]; p < end; p++)
            {
                var page = output.AddPage(input.Pages[p]);
                DropMarkers(page);
            }

            Stamp(output, headers[i], layout);
            using var stream = new MemoryStream();
            output.Save(stream, closeStream: false);
            result.Add(stream.ToArray());
        }

        return result;
    }

    private static string Head(string html)
    {
        var start = html.IndexOf("<head", StringComparison.OrdinalIgnoreCase);
        var end = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return start < 0 || end < start ? throw new ArgumentException("A document of the batch has no <head>.") : html[start..(end + "</head>".Length)];
    }

    /// <summary>The head's style sheets: documents of one template differ in their title only.</summary>
    private static string Styles(string head)
    {
        var styles = new StringBuilder();
        for (var at = head.IndexOf("<style", StringComparison.OrdinalIgnoreCase); at >= 0; at = head.IndexOf("<style", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = head.IndexOf("</style>", at, StringComparison.OrdinalIgnoreCase);
            styles.Append(end < 0 ? head[at..] : head[at..end]);
        }

        return styles.ToString();
    }

    private static string Body(string html)
    {
        var open = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var start = open < 0 ? -1 : html.IndexOf('>', open) + 1;
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return start <= 0 || end < start ? throw new ArgumentException("A document of the batch has no <body>.") : html[start..end];
    }

    /// <summary>The addresses of the page's link annotations.</summary>
    private static IEnumerable<string> LinkUris(PdfPage page) =>
        page.Elements.GetArray("/Annots")?.Elements.Select(UriOf).OfType<string>() ?? [];

    private static void DropMarkers(PdfPage page)
    {
        if (page.Elements.GetArray("/Annots") is not { } annotations)
        {
            return;
        }

        for (var i = annotations.Elements.Count - 1; i >= 0; i--)
        {
            if (UriOf(annotations.Elements[i]) is { } uri && uri.StartsWith(Marker, StringComparison.Ordinal))
            {
                annotations.Elements.RemoveAt(i);
            }
        }

        if (annotations.Elements.Count == 0)
        {
            page.Elements.Remove("/Annots");
        }
    }

    /// <summary>A link annotation's address (its /A action's /URI); null for any other annotation.</summary>
    private static string? UriOf(PdfItem item) =>
        (item is PdfReference reference ? reference.Value as PdfDictionary : item as PdfDictionary)?.Elements.GetDictionary("/A")?.Elements.GetString("/URI")
        is { Length: > 0 } uri ? uri : null;

    /// <summary>The running header and "Page i of n", as <see cref="PdfRenderer"/> has Chromium draw them: 8 px (6 pt) grey DejaVu Sans in the margins.</summary>
    private static void Stamp(PdfDocument document, string? header, PdfLayout layout)
    {
        if (header is null && !layout.PageNumbers)
        {
            return;
        }

        var font = new XFont(DocumentFonts.Family, 6);
        var grey = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
        var side = XUnit.FromMillimeter(12).Point;
        var band = XUnit.FromMillimeter(10).Point;
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            var (width, height) = (page.Width.Point, page.Height.Point);
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            if (header is not null)
            {
                graphics.DrawString(header, font, grey, new XRect(side, 0, width - 2 * side, band), XStringFormats.CenterLeft);
            }

            if (layout.PageNumbers)
            {
                graphics.DrawString($"Page {i + 1} of {document.PageCount}", font, grey, new XRect(0, height - band, width, band), XStringFormats.Center);
            }
        }
    }
}

/// <summary>
/// The one font PDFsharp draws with (page numbers and headers of split batches): DejaVu Sans from Debian's
/// fonts-dejavu-core, which <c>scripts/ensure-packages.sh run</c> installs. PDFsharp's own platform resolver does not
/// look in Linux font folders, so every family asked for resolves to it.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Face = "DejaVuSans";
    private const string File = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lock Gate = new();
    private static byte[]? bytes;

    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DocumentFonts)
            {
                bytes ??= System.IO.File.Exists(File)
                    ? System.IO.File.ReadAllBytes(File)
                    : throw new BrowserUnavailableException($"{File} is missing: install the fonts (sudo apt-get install fonts-dejavu-core, or scripts/ensure-packages.sh run).");
                GlobalFontSettings.FontResolver = new DocumentFonts();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face);

    public byte[] GetFont(string faceName) => bytes!;
}
