using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class VenueTravelTimeConfiguration : IEntityTypeConfiguration<VenueTravelTime>
{
    public void Configure(EntityTypeBuilder<VenueTravelTime> b)
    {
        b.ToTable("VenueTravelTimes");
        b.HasKey(x => new { x.FromVenueId, x.ToVenueId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.FromVenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.ToVenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
    }
}
