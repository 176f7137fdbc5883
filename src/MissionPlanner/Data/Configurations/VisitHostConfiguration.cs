using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class VisitHostConfiguration : IEntityTypeConfiguration<VisitHost>
{
    public void Configure(EntityTypeBuilder<VisitHost> b)
    {
        b.ToTable("VisitHosts");
        b.Property(x => x.Name).HasMaxLength(VisitHost.NameMax);
        b.Property(x => x.ContactName).HasMaxLength(Registration.NameMax);
        b.Property(x => x.ContactEmail).HasMaxLength(320);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
    }
}
