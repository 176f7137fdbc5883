using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> b)
    {
        b.ToTable("ReminderRuns");
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Deadline, x.DaysBefore }).IsUnique();
    }
}
