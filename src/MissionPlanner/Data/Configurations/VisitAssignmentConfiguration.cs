using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class VisitAssignmentConfiguration : IEntityTypeConfiguration<VisitAssignment>
{
    public void Configure(EntityTypeBuilder<VisitAssignment> b)
    {
        b.ToTable("VisitAssignments");
        b.Ignore(x => x.Group);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegistrationId, x.VisitId }).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.VisitId });
    }
}
