using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class ProgrammeItemPersonConfiguration : IEntityTypeConfiguration<ProgrammeItemPerson>
{
    public void Configure(EntityTypeBuilder<ProgrammeItemPerson> b)
    {
        b.ToTable("ProgrammeItemPeople");
        b.HasKey(x => new { x.ProgrammeItemId, x.RegistrationId });
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegistrationId);
    }
}
