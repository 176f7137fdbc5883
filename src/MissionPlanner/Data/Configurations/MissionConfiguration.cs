using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> b)
    {
        b.ToTable("Missions");
        b.Property(x => x.Title).HasMaxLength(Mission.TitleMax);
        b.Property(x => x.Summary).HasMaxLength(Mission.SummaryMax);
        b.Property(x => x.HostCountry).HasMaxLength(Mission.PlaceMax);
        b.Property(x => x.HostCity).HasMaxLength(Mission.PlaceMax);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Ignore(x => x.TimeZone);
        b.Ignore(x => x.ReminderDayList);
        b.Ignore(x => x.RegistrationClosesAt);
        b.Ignore(x => x.LinksExpireAt);
        b.Property(x => x.ReminderDays).HasMaxLength(40).HasDefaultValue("7,2");
        b.HasIndex(x => x.StartDate);
    }
}
