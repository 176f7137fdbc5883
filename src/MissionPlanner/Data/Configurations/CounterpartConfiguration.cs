using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class CounterpartConfiguration : IEntityTypeConfiguration<Counterpart>
{
    public void Configure(EntityTypeBuilder<Counterpart> b)
    {
        b.ToTable("Counterparts");
        b.Property(x => x.Name).HasMaxLength(Counterpart.NameMax);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Organisation).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.Topics).HasMaxLength(Counterpart.TextMax);
        b.Property(x => x.Offers).HasMaxLength(Counterpart.TextMax);
        b.Property(x => x.Seeks).HasMaxLength(Counterpart.TextMax);
        b.Property(x => x.Profile).HasMaxLength(Counterpart.ProfileMax);
        b.Property(x => x.Availability).HasMaxLength(8000);
        b.Ignore(x => x.TopicList);
        b.Ignore(x => x.AvailabilityList);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // One counterpart per address and mission: a second entry or import row is refused by name.
        b.HasIndex(x => new { x.MissionId, x.Email }).IsUnique();
    }
}
