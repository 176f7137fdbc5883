using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public void Configure(EntityTypeBuilder<MeetingRequest> b)
    {
        b.ToTable("MeetingRequests");
        b.Property(x => x.Message).HasMaxLength(MeetingRequest.MessageMax);
        b.Property(x => x.Reply).HasMaxLength(MeetingRequest.MessageMax);
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.To);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.DelegateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Counterpart>().WithMany().HasForeignKey(x => x.CounterpartId).OnDelete(DeleteBehavior.Cascade);
        // One request per pair, whoever asked: two people asking each other at once leave one row.
        b.HasIndex(x => new { x.MissionId, x.DelegateId, x.CounterpartId }).IsUnique();
    }
}
