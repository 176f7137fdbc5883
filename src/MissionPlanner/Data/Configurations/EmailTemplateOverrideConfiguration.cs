using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class EmailTemplateOverrideConfiguration : IEntityTypeConfiguration<EmailTemplateOverride>
{
    public void Configure(EntityTypeBuilder<EmailTemplateOverride> b)
    {
        b.ToTable("EmailTemplateOverrides");
        b.Property(x => x.Template).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(2000);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Template }).IsUnique();
    }
}
