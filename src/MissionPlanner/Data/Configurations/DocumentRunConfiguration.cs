using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class DocumentRunConfiguration : IEntityTypeConfiguration<Domain.Documents.DocumentRun>
{
    public void Configure(EntityTypeBuilder<Domain.Documents.DocumentRun> b)
    {
        b.ToTable("DocumentRuns");
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Ignore(x => x.Folder);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Kind, x.Version }).IsUnique();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
    }
}
