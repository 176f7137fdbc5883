using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Data;

internal sealed class TransferPassengerConfiguration : IEntityTypeConfiguration<TransferPassenger>
{
    public void Configure(EntityTypeBuilder<TransferPassenger> b)
    {
        b.ToTable("TransferPassengers");
        b.HasKey(x => new { x.RunId, x.RegistrationId });
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegistrationId);
    }
}
