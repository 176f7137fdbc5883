using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingPlanConfiguration : IEntityTypeConfiguration<MeetingPlan>
{
    public void Configure(EntityTypeBuilder<MeetingPlan> b)
    {
        b.ToTable("MeetingPlans");
        b.HasKey(x => x.MissionId);
        b.HasOne<Mission>().WithOne().HasForeignKey<MeetingPlan>(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
