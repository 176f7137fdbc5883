using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class VisitPreferenceConfiguration : IEntityTypeConfiguration<VisitPreference>
{
    public void Configure(EntityTypeBuilder<VisitPreference> b)
    {
        b.ToTable("VisitPreferences");
        b.HasKey(x => new { x.RegistrationId, x.VisitId });
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.VisitId);
    }
}
