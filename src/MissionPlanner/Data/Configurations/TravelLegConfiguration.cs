using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class TravelLegConfiguration : IEntityTypeConfiguration<TravelLeg>
{
    public void Configure(EntityTypeBuilder<TravelLeg> b)
    {
        b.ToTable("TravelLegs");
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Carrier).HasMaxLength(TravelLeg.CarrierMax);
        b.Property(x => x.Number).HasMaxLength(TravelLeg.NumberMax);
        b.Property(x => x.OtherEnd).HasMaxLength(TravelLeg.OtherEndMax);
        b.Ignore(x => x.Service);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // A place in use cannot be removed: the legs that name it would lose their time zone.
        b.HasOne<TravelHub>().WithMany().HasForeignKey(x => x.HubId).OnDelete(DeleteBehavior.Restrict);
        // One arrival and one departure per delegate.
        b.HasIndex(x => new { x.RegistrationId, x.Direction }).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.ScheduledAt });
        b.HasIndex(x => x.HubId);
    }
}
