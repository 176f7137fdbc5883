using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.ToTable("Venues");
        b.Property(x => x.Name).HasMaxLength(Venue.NameMax);
        b.Property(x => x.Address).HasMaxLength(Venue.AddressMax);
        b.Property(x => x.City).HasMaxLength(Mission.PlaceMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
