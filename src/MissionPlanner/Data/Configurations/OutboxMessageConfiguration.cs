using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.Template).HasMaxLength(64);
        b.Property(x => x.ToAddress).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Batch).HasMaxLength(100);
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentType).HasMaxLength(100);
        b.Ignore(x => x.CanResend);
        b.Ignore(x => x.ClaimedBy);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MessageId).IsUnique();
        // The dispatcher's question: which queued messages are due?
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.MissionId, x.CreatedAt });
        b.HasIndex(x => new { x.MissionId, x.Batch });
        // Sending rates count what went out in the last minute or day.
        b.HasIndex(x => x.SentAt);
    }
}
