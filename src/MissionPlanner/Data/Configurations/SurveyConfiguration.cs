using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.Property(x => x.Title).HasMaxLength(Survey.TitleMax);
        b.Property(x => x.Intro).HasMaxLength(Survey.IntroMax);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.CanChange);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // An item a sent survey asks about cannot be deleted (DeleteProgrammeItem removes unsent ones first); visits are only ever cancelled.
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Status });
        b.HasIndex(x => x.Status);
    }
}
