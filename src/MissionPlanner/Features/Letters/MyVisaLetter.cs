using MissionPlanner.Domain.Letters;

namespace MissionPlanner.Features.Letters;

/// <summary>
/// A delegate's own letter page: whether they asked, where it stands, the organisers' reason if declined, and which ID
/// details are still missing (the letter needs nationality, passport number and date of birth).
/// </summary>
/// <param name="Status">Null when they have not asked.</param>
public sealed record MyVisaLetterView(
    string MissionTitle, string Name, bool Confirmed, LetterStatus? Status, string? Purpose, string? DeclineReason, DateTime? IssuedAt, bool HasFile,
    IReadOnlyList<string> Missing);

/// <summary>A printed letter to download: the PDF and its file name.</summary>
public sealed record LetterFile(byte[] Content, string FileName);
