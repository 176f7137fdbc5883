using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class TravelHubConfiguration : IEntityTypeConfiguration<TravelHub>
{
    public void Configure(EntityTypeBuilder<TravelHub> b)
    {
        b.ToTable("TravelHubs");
        b.Property(x => x.Name).HasMaxLength(TravelHub.NameMax);
        b.Property(x => x.Code).HasMaxLength(TravelHub.CodeMax);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Ignore(x => x.TimeZone);
        b.Ignore(x => x.Label);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Name }).IsUnique();
    }
}
