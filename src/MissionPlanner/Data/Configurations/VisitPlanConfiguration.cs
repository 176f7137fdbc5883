using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class VisitPlanConfiguration : IEntityTypeConfiguration<VisitPlan>
{
    public void Configure(EntityTypeBuilder<VisitPlan> b)
    {
        b.ToTable("VisitPlans");
        b.HasKey(x => x.MissionId);
        b.HasOne<Mission>().WithOne().HasForeignKey<VisitPlan>(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
