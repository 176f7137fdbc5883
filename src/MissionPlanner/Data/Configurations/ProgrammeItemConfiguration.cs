using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class ProgrammeItemConfiguration : IEntityTypeConfiguration<ProgrammeItem>
{
    public void Configure(EntityTypeBuilder<ProgrammeItem> b)
    {
        b.ToTable("ProgrammeItems");
        b.Property(x => x.Title).HasMaxLength(ProgrammeItem.TitleMax);
        b.Property(x => x.Description).HasMaxLength(ProgrammeItem.DescriptionMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // A venue still used by the programme cannot disappear under it.
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MissionId, x.StartsAt });
        b.Property(x => x.DressCode).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(300);
        b.Property(x => x.AudienceSectors).HasMaxLength(200);
        b.Property(x => x.Carrier).HasMaxLength(100);
        b.Property(x => x.MeetingPoint).HasMaxLength(300);
        b.Property(x => x.SeatOrCoach).HasMaxLength(50);
        b.Ignore(x => x.AudienceSectorList);
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.MeetingId);
    }
}
