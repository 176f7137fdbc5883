using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
    }
}
