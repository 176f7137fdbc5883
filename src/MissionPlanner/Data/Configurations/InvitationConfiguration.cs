using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.Name).HasMaxLength(Invitation.NameMax);
        b.Property(x => x.Organisation).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.Batch).HasMaxLength(100);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Email }).IsUnique();
    }
}
