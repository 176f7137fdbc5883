using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Missions;

/// <summary>The field rules shared by creating and editing a mission.</summary>
public interface IMissionFields
{
    string Title { get; }
    string? Summary { get; }
    string HostCountry { get; }
    string HostCity { get; }
    string TimeZoneId { get; }
    DateOnly StartDate { get; }
    DateOnly EndDate { get; }
}

public sealed class MissionFieldsValidator : AbstractValidator<IMissionFields>
{
    public MissionFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Mission.TitleMax).SingleLine();
        RuleFor(x => x.Summary).MaximumLength(Mission.SummaryMax);
        RuleFor(x => x.HostCountry).NotEmpty().MaximumLength(Mission.PlaceMax);
        RuleFor(x => x.HostCity).NotEmpty().MaximumLength(Mission.PlaceMax);
        RuleFor(x => x.TimeZoneId).NotEmpty()
            .Must(MissionTime.IsKnownZone).WithMessage("'{PropertyValue}' is not a known IANA time zone, e.g. Europe/London.");
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).NotEmpty()
            .GreaterThanOrEqualTo(x => x.StartDate).WithMessage("The end date must be on or after the start date.")
            .Must((x, end) => end.DayNumber - x.StartDate.DayNumber < Mission.MaxDays)
            .WithMessage($"A mission lasts at most {Mission.MaxDays} days.");
    }
}
