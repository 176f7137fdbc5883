using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingPreferenceConfiguration : IEntityTypeConfiguration<MeetingPreference>
{
    public void Configure(EntityTypeBuilder<MeetingPreference> b)
    {
        b.ToTable("MeetingPreferences");
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Interest).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.DelegateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Counterpart>().WithMany().HasForeignKey(x => x.CounterpartId).OnDelete(DeleteBehavior.Cascade);
        // One mark per side and pair: two clicks at once leave one row.
        b.HasIndex(x => new { x.MissionId, x.DelegateId, x.CounterpartId, x.From }).IsUnique();
    }
}
