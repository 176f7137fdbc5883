using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.ToTable("FollowUpActions");
        b.Property(x => x.Title).HasMaxLength(FollowUpAction.TitleMax);
        b.Property(x => x.Notes).HasMaxLength(FollowUpAction.NotesMax);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.OwnerEmail).HasMaxLength(320);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // What it followed up may go; the action stays, unlinked.
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CeremonyAgreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.MissionId, x.Status, x.DueDate });
    }
}
