using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;

namespace MissionPlanner.Data;

internal sealed class CeremonyTaskConfiguration : IEntityTypeConfiguration<CeremonyTask>
{
    public void Configure(EntityTypeBuilder<CeremonyTask> b)
    {
        b.ToTable("CeremonyTasks");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.OwnerEmail).HasMaxLength(320);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
        b.HasIndex(x => new { x.Done, x.DueDate });
    }
}
