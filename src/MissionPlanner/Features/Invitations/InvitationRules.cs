using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

public sealed record InvitationDto(
    Guid Id, string Email, string Name, string? Organisation, InvitationStatus Status, DateTime CreatedAt,
    DateTime? RespondedAt, int RemindersSent, string? Batch);

public interface IInviteeFields
{
    string Email { get; }
    string Name { get; }
    string? Organisation { get; }
}

public sealed record InviteeFields(string Email, string Name, string? Organisation) : IInviteeFields;

public sealed class InviteeValidator : AbstractValidator<IInviteeFields>
{
    public InviteeValidator()
    {
        RuleFor(x => x.Email).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Invitation.NameMax).SingleLine();
        RuleFor(x => x.Organisation).MaximumLength(Organisation.NameMax);
    }
}

internal static class InvitationEmails
{
    public static EmailModels.Invitation Model(Mission mission, Invitation invitation, string link, string? message) =>
        new(invitation.Name, mission.Title, mission.Summary, PublicLinks.Where(mission),
            PublicLinks.Dates(mission.StartDate, mission.EndDate), link,
            mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : null, string.IsNullOrWhiteSpace(message) ? null : message.Trim());

    public static void EnsureCanInvite(Mission mission)
    {
        if (mission.Status != MissionStatus.Open)
        {
            throw new MissionPlanner.Domain.Common.DomainException("Status",
                $"Invitations go out while registration is open; this mission is {mission.Status}. Open it first.");
        }
    }
}
