using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(x => x.Title).HasMaxLength(Visit.TitleMax);
        b.Property(x => x.Notes).HasMaxLength(Visit.NotesMax);
        b.Property(x => x.Windows).HasMaxLength(2000);
        b.Property(x => x.HostMessage).HasMaxLength(2000);
        b.Property(x => x.Requirements).HasMaxLength(200);
        b.Ignore(x => x.WindowList);
        b.Ignore(x => x.ScreeningClosesAt);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VisitHost>().WithMany().HasForeignKey(x => x.HostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.HostId);
    }
}
