using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class MeetingOutcomeConfiguration : IEntityTypeConfiguration<MeetingOutcome>
{
    public void Configure(EntityTypeBuilder<MeetingOutcome> b)
    {
        b.ToTable("MeetingOutcomes");
        b.Property(x => x.Party).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.NextSteps).HasMaxLength(MeetingOutcome.NextStepsMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // Asked once per person, meeting and round, even when two job runs overlap.
        b.HasIndex(x => new { x.MeetingId, x.PersonId, x.Round }).IsUnique();
    }
}
