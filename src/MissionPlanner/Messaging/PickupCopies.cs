using MissionPlanner.Data;

namespace MissionPlanner.Messaging;

/// <summary>
/// The copies of sent emails the pickup-folder transport keeps in <c>data/mail/</c>, named …-{message id}.eml: deleted
/// with what they carry (a mission's personal data, a letter's ID details, an erased person).
/// </summary>
internal static class PickupCopies
{
    public static void Delete(DataDirectory data, IReadOnlySet<Guid> messages)
    {
        var mail = Path.Combine(data.Path, "mail");
        if (messages.Count == 0 || !Directory.Exists(mail))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(mail, "*.eml"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length > 32 && Guid.TryParseExact(name[^32..], "N", out var message) && messages.Contains(message))
            {
                File.Delete(file);
            }
        }
    }
}
