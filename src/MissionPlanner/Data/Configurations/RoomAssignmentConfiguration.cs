using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class RoomAssignmentConfiguration : IEntityTypeConfiguration<RoomAssignment>
{
    public void Configure(EntityTypeBuilder<RoomAssignment> b)
    {
        b.ToTable("RoomAssignments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.Nights);
        b.HasOne<RoomBlock>().WithMany().HasForeignKey(x => x.BlockId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // One room per delegate and mission (registrations are per mission).
        b.HasIndex(x => x.RegistrationId).IsUnique();
        b.HasIndex(x => new { x.BlockId, x.Room });
        b.HasIndex(x => x.MissionId);
    }
}
