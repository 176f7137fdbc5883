using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class RegistrationAuditConfiguration : IEntityTypeConfiguration<RegistrationAudit>
{
    public void Configure(EntityTypeBuilder<RegistrationAudit> b)
    {
        b.ToTable("RegistrationAudits");
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegistrationId, x.At });
    }
}
