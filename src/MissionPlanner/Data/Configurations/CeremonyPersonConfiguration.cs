using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class CeremonyPersonConfiguration : IEntityTypeConfiguration<CeremonyPerson>
{
    public void Configure(EntityTypeBuilder<CeremonyPerson> b)
    {
        b.ToTable("CeremonyPeople");
        b.Property(x => x.Name).HasMaxLength(Registration.NameMax);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Ignore(x => x.NeedsConfirmation);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CeremonyParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
    }
}
