using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;

namespace MissionPlanner.Data;

internal sealed class CeremonyPartyConfiguration : IEntityTypeConfiguration<CeremonyParty>
{
    public void Configure(EntityTypeBuilder<CeremonyParty> b)
    {
        b.ToTable("CeremonyParties");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CeremonyId, x.Name }).IsUnique();
    }
}
