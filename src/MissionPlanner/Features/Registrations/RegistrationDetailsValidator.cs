using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

public sealed class RegistrationDetailsValidator : AbstractValidator<RegistrationDetails>
{
    public RegistrationDetailsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Registration.NameMax).SingleLine();
        // Stored in E.164 (Registration.Fill through Phones.ToE164), so drivers' sheets and manifests can dial it from anywhere.
        RuleFor(x => x.Phone).MaximumLength(40).Custom((phone, context) =>
        {
            if (!string.IsNullOrWhiteSpace(phone) && !Common.Phones.TryE164(phone, out _, out var error))
            {
                context.AddFailure(error!);
            }
        });
        RuleFor(x => x.Organisation).NotEmpty().MaximumLength(Organisation.NameMax);
        RuleFor(x => x.Sector).IsInEnum();
        RuleFor(x => x.JobTitle).MaximumLength(200);
        RuleFor(x => x.Bio).MaximumLength(Registration.BioMax);
        RuleFor(x => x.MeetingTopics).MaximumLength(Domain.Meetings.Counterpart.TextMax)
            .Must(t => Domain.Meetings.Counterpart.SplitTopics(t).Count <= Domain.Meetings.Counterpart.TopicsMax)
            .WithMessage($"Give at most {Domain.Meetings.Counterpart.TopicsMax} topics.");
        RuleFor(x => x.MeetingOffers).MaximumLength(Domain.Meetings.Counterpart.TextMax);
        RuleFor(x => x.MeetingSeeks).MaximumLength(Domain.Meetings.Counterpart.TextMax);
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.Dietary).MaximumLength(Registration.TextMax);
        RuleFor(x => x.Accessibility).MaximumLength(Registration.TextMax);
        RuleFor(x => x.ArrivalBy).MaximumLength(100);
        RuleFor(x => x.DepartureBy).MaximumLength(100);
        RuleFor(x => x.EmergencyContact).MaximumLength(200);
        RuleFor(x => x.RoomSharing).MaximumLength(Registration.RoomSharingMax).SingleLine();
        RuleFor(x => x.DepartureAt).GreaterThan(x => x.ArrivalAt).When(x => x.ArrivalAt is not null && x.DepartureAt is not null)
            .WithMessage("Departure must be after arrival.");
        RuleFor(x => x.ConsentProcessing).Equal(true).WithMessage("We can only register you if you agree that we process your data for this mission.");
        RuleFor(x => x.Answers).Must(a => a is null || a.Count <= 100).WithMessage("Too many answers.");
        RuleFor(x => x.Nationality).MaximumLength(100);
        RuleFor(x => x.IdNumber).Matches("^(?=.*[A-Za-z0-9])[A-Za-z0-9 -]{4,40}$").When(x => !string.IsNullOrWhiteSpace(x.IdNumber))
            .WithMessage("Give the document number as printed: 4 to 40 letters, digits, spaces or hyphens.");
        RuleFor(x => x.DateOfBirth).InclusiveBetween(new DateOnly(1900, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow))
            .When(x => x.DateOfBirth is not null).WithMessage("Give a date of birth between 1900 and today.");
    }
}
