using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class ProgrammeChangeConfiguration : IEntityTypeConfiguration<ProgrammeChange>
{
    public void Configure(EntityTypeBuilder<ProgrammeChange> b)
    {
        b.ToTable("ProgrammeChanges");
        b.Property(x => x.Description).HasMaxLength(500);
        b.Ignore(x => x.AffectedIds);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.NotifiedAt, x.MissionId, x.At });
    }
}
