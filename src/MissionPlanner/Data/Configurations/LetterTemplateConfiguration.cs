using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Data;

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.ToTable("LetterTemplates");
        b.HasKey(x => x.MissionId);
        b.Property(x => x.MissionId).ValueGeneratedNever();
        b.Property(x => x.Letterhead).HasMaxLength(LetterTemplate.LetterheadMax);
        b.Property(x => x.Wording).HasMaxLength(LetterTemplate.WordingMax);
        b.Property(x => x.SignatoryName).HasMaxLength(LetterTemplate.SignatoryMax);
        b.Property(x => x.SignatoryTitle).HasMaxLength(LetterTemplate.SignatoryMax);
        b.HasOne<Mission>().WithOne().HasForeignKey<LetterTemplate>(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
