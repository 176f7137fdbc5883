using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class RoomBlockConfiguration : IEntityTypeConfiguration<RoomBlock>
{
    public void Configure(EntityTypeBuilder<RoomBlock> b)
    {
        b.ToTable("RoomBlocks");
        b.Property(x => x.Name).HasMaxLength(RoomBlock.NameMax);
        b.Property(x => x.RoomType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Rate).HasPrecision(12, 2);
        b.Property(x => x.BookingReference).HasMaxLength(RoomBlock.ReferenceMax);
        b.Ignore(x => x.Nights);
        b.Ignore(x => x.Capacity);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // A hotel with blocks cannot be removed from the venues; remove its blocks first.
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.HotelId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.HotelId);
    }
}
