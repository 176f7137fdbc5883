using FluentValidation;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

public sealed class QuestionFieldsValidator : AbstractValidator<IQuestionFields>
{
    public QuestionFieldsValidator()
    {
        RuleFor(x => x.Prompt).NotEmpty().MaximumLength(RegistrationQuestion.PromptMax);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Options).Must(o => o is null || o.Count <= RegistrationQuestion.OptionsMax)
            .WithMessage($"Give at most {RegistrationQuestion.OptionsMax} options.");
    }
}
