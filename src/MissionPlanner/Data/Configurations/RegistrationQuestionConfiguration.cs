using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Data;

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> b)
    {
        b.ToTable("RegistrationQuestions");
        b.Property(x => x.Prompt).HasMaxLength(RegistrationQuestion.PromptMax);
        b.Property(x => x.Options).HasMaxLength(RegistrationQuestion.OptionsMax * (RegistrationQuestion.OptionMax + 1));
        b.Ignore(x => x.OptionList);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Position });
    }
}
