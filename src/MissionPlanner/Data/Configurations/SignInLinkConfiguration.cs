using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> b)
    {
        b.ToTable("SignInLinks");
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
    }
}
