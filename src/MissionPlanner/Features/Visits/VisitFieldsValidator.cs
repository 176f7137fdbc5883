using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

public sealed class VisitFieldsValidator : AbstractValidator<IVisitFields>
{
    public VisitFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Visit.TitleMax).SingleLine();
        RuleFor(x => x.HostId).NotEmpty();
        RuleFor(x => x.VenueId).NotEmpty();
        RuleFor(x => x.Kind).Must(k => k is ProgrammeItemKind.LabTour or ProgrammeItemKind.CompanyVisit).WithMessage("A visit is a lab tour or a company visit.");
        RuleFor(x => x.DurationMinutes).InclusiveBetween(10, 12 * 60);
        RuleFor(x => x.MinGroupSize).InclusiveBetween(1, 500);
        RuleFor(x => x.MaxGroupSize).InclusiveBetween(1, 500);
        RuleFor(x => x.MinGroupSize).LessThanOrEqualTo(x => x.MaxGroupSize)
            .WithMessage(x => $"The smallest group ({x.MinGroupSize}) cannot be larger than the largest ({x.MaxGroupSize}).");
        RuleFor(x => x.ParallelGroups).InclusiveBetween(1, 20);
        RuleFor(x => x.ScreeningLeadDays).InclusiveBetween(0, 90);
        RuleFor(x => x.Notes).MaximumLength(Visit.NotesMax);
        RuleFor(x => x.Windows).NotNull().NotEmpty().WithMessage("Give at least one time window in which the host can receive a group.")
            .Must(w => w.Count <= 40).WithMessage("Give at most 40 time windows.");
        RuleForEach(x => x.Windows).Must(w => w.EndsAt > w.StartsAt).WithMessage("A window must end after it starts.");
    }
}
