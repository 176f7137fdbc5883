using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Data;

internal sealed class MailDispatchStateConfiguration : IEntityTypeConfiguration<MailDispatchState>
{
    public void Configure(EntityTypeBuilder<MailDispatchState> b)
    {
        b.ToTable("MailDispatchState");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.PauseReason).HasMaxLength(2000);
        // The one row exists from the start: a claim locks it before it counts anything.
        b.HasData(new { Id = MailDispatchState.SingletonId, ConsecutiveThrottles = 0, Claims = 0L });
    }
}
