using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

public sealed class HostFieldsValidator : AbstractValidator<IHostFields>
{
    public HostFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(VisitHost.NameMax).SingleLine();
        RuleFor(x => x.ContactName).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.ContactEmail).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.ContactPhone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-]{6,}$").When(x => !string.IsNullOrWhiteSpace(x.ContactPhone))
            .WithMessage("Give a phone number of digits, e.g. +44 20 7946 0000.");
    }
}
