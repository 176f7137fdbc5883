using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingDelegateConfiguration : IEntityTypeConfiguration<MeetingDelegate>
{
    public void Configure(EntityTypeBuilder<MeetingDelegate> b)
    {
        b.ToTable("MeetingDelegates");
        b.HasKey(x => new { x.MeetingId, x.RegistrationId });
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegistrationId);
    }
}
