using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class TransferServiceConfiguration : IEntityTypeConfiguration<TransferService>
{
    public void Configure(EntityTypeBuilder<TransferService> b)
    {
        b.ToTable("TransferServices");
        b.Property(x => x.Name).HasMaxLength(TransferService.NameMax);
        b.Property(x => x.Place).HasMaxLength(TransferService.PlaceMax);
        b.Property(x => x.MeetingPoint).HasMaxLength(TransferService.MeetingPointMax);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TravelHub>().WithMany().HasForeignKey(x => x.HubId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.HubId);
    }
}
