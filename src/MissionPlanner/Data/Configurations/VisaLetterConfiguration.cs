using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class VisaLetterConfiguration : IEntityTypeConfiguration<VisaLetter>
{
    public void Configure(EntityTypeBuilder<VisaLetter> b)
    {
        b.ToTable("VisaLetters");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Purpose).HasMaxLength(VisaLetter.PurposeMax);
        b.Property(x => x.DeclineReason).HasMaxLength(VisaLetter.ReasonMax);
        b.Property(x => x.DecidedBy).HasMaxLength(300);
        b.Property(x => x.File).HasMaxLength(300);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // One letter per delegate: asking again after a decline reopens it.
        b.HasIndex(x => x.RegistrationId).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.Status });
    }
}
