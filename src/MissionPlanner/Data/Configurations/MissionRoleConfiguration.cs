using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class MissionRoleConfiguration : IEntityTypeConfiguration<MissionRole>
{
    public void Configure(EntityTypeBuilder<MissionRole> b)
    {
        b.ToTable("MissionRoles");
        b.HasKey(x => new { x.MissionId, x.OrganiserId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganiserId);
    }
}
