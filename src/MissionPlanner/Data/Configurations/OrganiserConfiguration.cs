using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Data;

internal sealed class OrganiserConfiguration : IEntityTypeConfiguration<Organiser>
{
    public void Configure(EntityTypeBuilder<Organiser> b)
    {
        b.ToTable("Organisers");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.HasIndex(x => x.Email).IsUnique();
    }
}
