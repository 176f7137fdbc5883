using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingSessionConfiguration : IEntityTypeConfiguration<MeetingSession>
{
    public void Configure(EntityTypeBuilder<MeetingSession> b)
    {
        b.ToTable("MeetingSessions");
        b.HasKey(x => x.ProgrammeItemId);
        b.HasOne<ProgrammeItem>().WithOne().HasForeignKey<MeetingSession>(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
