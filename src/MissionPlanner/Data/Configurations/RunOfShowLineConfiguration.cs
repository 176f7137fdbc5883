using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;

namespace MissionPlanner.Data;

internal sealed class RunOfShowLineConfiguration : IEntityTypeConfiguration<RunOfShowLine>
{
    public void Configure(EntityTypeBuilder<RunOfShowLine> b)
    {
        b.ToTable("RunOfShowLines");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CeremonyId, x.Position });
    }
}
