using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Phone numbers typed before they were stored in E.164 ("+31 6 1234 5678", "0031 6…") are converted once, after the
/// migrate that brought this in, so manifests and driver sheets can dial every number. A number that cannot be read as
/// international (no country code) is left as typed and counted in the log; the delegate's page asks again when they
/// next save it. Marked done in app_settings, so later starts read one row.
/// </summary>
internal sealed partial class PhoneNumberFollowUp(ILogger<PhoneNumberFollowUp> logger) : IMigrationFollowUp
{
    public const string DoneSetting = "registrations.phones-e164";

    public async Task RunAsync(AppDbContext db, IReadOnlyList<string> appliedNow, CancellationToken ct)
    {
        if (await db.AppSettings.AnyAsync(s => s.Key == DoneSetting, ct))
        {
            return;
        }

        var typed = await db.Registrations.AsNoTracking().Where(r => r.Phone != null).Select(r => new { r.Id, r.Phone }).ToListAsync(ct);
        var (converted, unreadable) = (0, 0);
        foreach (var r in typed.Where(r => !E164().IsMatch(r.Phone!)))
        {
            if (Phones.TryE164(r.Phone!, out var e164, out _))
            {
                await db.Registrations.Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Phone, e164), ct);
                converted++;
            }
            else
            {
                unreadable++;
            }
        }

        db.AppSettings.Add(new AppSetting(DoneSetting, DateTime.UtcNow.ToString("O")));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Phone numbers stored in E.164: {Converted} converted, {Unreadable} left as typed (no country code)", converted, unreadable);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{5,14}$")]
    private static partial Regex E164();
}
