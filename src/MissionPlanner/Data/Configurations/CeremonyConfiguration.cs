using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class CeremonyConfiguration : IEntityTypeConfiguration<Ceremony>
{
    public void Configure(EntityTypeBuilder<Ceremony> b)
    {
        b.ToTable("Ceremonies");
        b.Property(x => x.RoleRanks).HasMaxLength(400);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProgrammeItemId).IsUnique();
        b.HasIndex(x => x.MissionId);
    }
}
