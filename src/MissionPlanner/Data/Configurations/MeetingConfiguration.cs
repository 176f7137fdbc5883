using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.Property(x => x.Place).HasMaxLength(Meeting.PlaceMax);
        b.Ignore(x => x.PeopleKey);
        b.Property(x => x.NoShow).HasConversion<string>().HasMaxLength(16);
        b.HasMany(x => x.Delegates).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Delegates).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Counterpart>().WithMany().HasForeignKey(x => x.CounterpartId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MeetingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.SetNull);
        // Two organisers moving meetings at once cannot put two at one table: every move saves the plan, whose version guards it.
        b.HasIndex(x => new { x.MissionId, x.StartsAt });
    }
}
