using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.ToTable("Registrations");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.Name).HasMaxLength(Registration.NameMax);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Organisation).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.JobTitle).HasMaxLength(200);
        b.Property(x => x.Dietary).HasMaxLength(Registration.TextMax);
        b.Property(x => x.Accessibility).HasMaxLength(Registration.TextMax);
        b.Property(x => x.Bio).HasMaxLength(Registration.BioMax);
        b.Property(x => x.MeetingTopics).HasMaxLength(Domain.Meetings.Counterpart.TextMax);
        b.Property(x => x.MeetingOffers).HasMaxLength(Domain.Meetings.Counterpart.TextMax);
        b.Property(x => x.MeetingSeeks).HasMaxLength(Domain.Meetings.Counterpart.TextMax);
        b.Property(x => x.DecisionMessage).HasMaxLength(Registration.TextMax);
        b.Ignore(x => x.EffectivePrecedence);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Invitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.SetNull);
        // One registration per person and mission: a second attempt is offered the first.
        b.HasIndex(x => new { x.MissionId, x.Email }).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.Status, x.Arrival });
    }
}
