using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("SurveyQuestions");
        // Questions are replaced as a list (Survey.Define): a new one found in the list must be inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Options).HasMaxLength((SurveyQuestion.OptionMax + 1) * SurveyQuestion.OptionsMax);
        b.Ignore(x => x.OptionList);
        b.HasIndex(x => new { x.SurveyId, x.Position });
    }
}
