using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("Attendances");
        b.HasKey(x => new { x.ProgrammeItemId, x.RegistrationId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.RegistrationId);
    }
}
