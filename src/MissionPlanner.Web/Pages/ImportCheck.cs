using MissionPlanner.Features.Imports;

namespace MissionPlanner.Web.Pages;

/// <summary>
/// An import checked before it runs (<c>_ImportCheck</c>): the result of the preview, and the file
/// carried to the confirming post as base64 so the organiser does not upload it twice.
/// </summary>
/// <param name="Verb">The button's verb: "Invite", "Import".</param>
/// <param name="Done">"invited", "imported": for "nobody was invited yet".</param>
public sealed record ImportCheck(ImportResult Result, string? File, string Verb, string Done)
{
    public string DonePlural => $"were {Done}";

    /// <summary>The uploaded file's bytes, or null with nothing chosen.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The file carried back by the confirming post; null when it was tampered with.</summary>
    public static byte[]? FromForm(string? file)
    {
        var bytes = new byte[((file?.Length ?? 0) * 3 / 4) + 3];
        return file is not null && Convert.TryFromBase64String(file, bytes, out var written) && written > 0 ? bytes[..written] : null;
    }
}
