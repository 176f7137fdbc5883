using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class TransferRunConfiguration : IEntityTypeConfiguration<TransferRun>
{
    public void Configure(EntityTypeBuilder<TransferRun> b)
    {
        b.ToTable("TransferRuns");
        b.HasMany(x => x.Passengers).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Passengers).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<TransferService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ServiceId, x.Number }).IsUnique();
    }
}
