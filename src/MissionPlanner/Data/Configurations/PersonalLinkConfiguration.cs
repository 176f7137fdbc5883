using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class PersonalLinkConfiguration : IEntityTypeConfiguration<PersonalLink>
{
    public void Configure(EntityTypeBuilder<PersonalLink> b)
    {
        b.ToTable("PersonalLinks");
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.RevokedReason).HasMaxLength(PersonalLink.ReasonMax);
        b.Property(x => x.KeyId).HasMaxLength(PersonalLink.KeyIdMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.SubjectId, x.Purpose });
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => new { x.Purpose, x.KeyId });
    }
}
