using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;

namespace MissionPlanner.Data;

internal sealed class CeremonyAgreementConfiguration : IEntityTypeConfiguration<CeremonyAgreement>
{
    public void Configure(EntityTypeBuilder<CeremonyAgreement> b)
    {
        b.ToTable("CeremonyAgreements");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Languages).HasMaxLength(200);
        b.Property(x => x.BroughtBy).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
    }
}
