using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Rooms;

/// <summary>Settings of hotel rooms (section <c>Rooms</c>).</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>The organisers are emailed each block's use this many days before its release date (1–60).</summary>
    public int ReleaseReminderDays { get; set; } = 7;
}

public sealed class RoomBlockRemindersJob(IServiceScopeFactory scopes, ILogger<RoomBlockRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("room-block-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendRoomBlockRemindersCommand(), ct);
}

/// <summary>
/// Emails the mission's owners and organisers, once per block, <see cref="RoomOptions.ReleaseReminderDays"/> days before
/// a room block's release date (days in the mission's zone): the rooms used and held per night, what to release and what
/// to ask for, and who still needs a room. A block created inside that window is reported at once; none after its
/// release date. The reminder and its emails are saved together, so a crash sends it again rather than never. Returns
/// how many blocks were reported.
/// </summary>
public sealed record SendRoomBlockRemindersCommand : IRequest<int>;

public sealed class SendRoomBlockRemindersHandler(AppDbContext db, OutboxWriter outbox, IOptions<RoomOptions> options, TimeProvider clock)
    : IRequestHandler<SendRoomBlockRemindersCommand, int>
{
    public async Task<int> Handle(SendRoomBlockRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = DateOnly.FromDateTime(now).AddDays(options.Value.ReleaseReminderDays + 1);
        var earliest = DateOnly.FromDateTime(now).AddDays(-1);
        var due = await db.RoomBlocks.Where(b => b.ReleaseReminderSentAt == null && b.ReleaseDate <= latest && b.ReleaseDate >= earliest
                && db.Missions.Any(m => m.Id == b.MissionId && m.PersonalDataPurgedAt == null))
            .ToListAsync(cancellationToken);
        var reported = 0;
        foreach (var blocks in due.GroupBy(b => b.MissionId))
        {
            var mission = await db.MissionAsync(blocks.Key, cancellationToken);
            var today = MissionTime.LocalDate(now, mission.TimeZone);
            var ready = blocks.Where(b => today >= b.ReleaseDate.AddDays(-options.Value.ReleaseReminderDays) && today <= b.ReleaseDate).ToList();
            if (ready.Count == 0)
            {
                continue;
            }

            var view = await Rooms.ViewAsync(db, mission, cancellationToken);
            var organisers = await db.OrganisersToEmailAsync(mission.Id, cancellationToken);
            var unhoused = view.Needs.Count(n => n.BlockId is null);
            foreach (var block in ready)
            {
                var b = view.Blocks.First(v => v.Id == block.Id);
                var nights = b.Use.Select(u => u.Used > u.Held
                    ? $"{Rooms.Day(u.Night)}: {u.Used} used, {u.Held} held: ask for {u.Used - u.Held} more"
                    : u.Used < u.Held
                        ? $"{Rooms.Day(u.Night)}: {u.Used} used, {u.Held} held: {u.Held - u.Used} to release or fill"
                        : $"{Rooms.Day(u.Night)}: all {u.Held} used").ToList();
                var release = block.ReleaseDate.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
                foreach (var (email, name) in organisers)
                {
                    await outbox.EnqueueAsync("room-block-release", email, name,
                        new EmailModels.RoomBlockRelease(name, mission.Title, b.Hotel, b.Name, b.BookingReference ?? "", release, nights, unhoused),
                        mission.Id, $"room-block-{block.Id:N}", cancellationToken);
                }

                block.ReminderSent(now);
                reported++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return reported;
    }
}
