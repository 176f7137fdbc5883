using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Meetings;

/// <summary>What organisers give for a counterpart; the profile fields may also come from the counterpart themselves.</summary>
public interface ICounterpartFields
{
    string Name { get; }
    string Email { get; }
    string Organisation { get; }
    Sector Sector { get; }
    string? Country { get; }
    string? Topics { get; }
    string? Offers { get; }
    string? Seeks { get; }
    string? Profile { get; }
}

/// <summary>A counterpart as organisers see it; <see cref="Topics"/> as typed ("AI; photonics").</summary>
public sealed record CounterpartDto(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string? Country, string Topics, string? Offers, string? Seeks,
    string? Profile, bool Listed, IReadOnlyList<AvailabilitySpan> Availability, DateTime? InvitedAt, bool Removed, int Version)
{
    public static CounterpartDto From(Counterpart c) => new(c.Id, c.Name, c.Email, c.Organisation, c.Sector, c.Country, c.Topics, c.Offers, c.Seeks,
        c.Profile, c.Listed, c.AvailabilityList, c.InvitedAt, c.RemovedAt is not null, c.Version);
}

public sealed class CounterpartFieldsValidator : AbstractValidator<ICounterpartFields>
{
    public CounterpartFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Counterpart.NameMax).SingleLine();
        RuleFor(x => x.Email).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.Organisation).NotEmpty().MaximumLength(Organisation.NameMax).SingleLine();
        RuleFor(x => x.Sector).IsInEnum();
        RuleFor(x => x.Country).MaximumLength(100).SingleLine();
        Include(new ProfileTextValidator<ICounterpartFields>(x => x.Topics, x => x.Offers, x => x.Seeks, x => x.Profile));
    }
}

/// <summary>Topics (at most <see cref="Counterpart.TopicsMax"/>, each one line), offers, seeks and profile text within their lengths.</summary>
public sealed class ProfileTextValidator<T> : AbstractValidator<T>
{
    public ProfileTextValidator(Func<T, string?> topics, Func<T, string?> offers, Func<T, string?> seeks, Func<T, string?> profile)
    {
        RuleFor(x => topics(x)).SingleLine()
            .Must(t => string.Join("; ", Counterpart.SplitTopics(t)).Length <= Counterpart.TextMax).WithMessage($"Topics take at most {Counterpart.TextMax} characters.")
            .Must(t => Counterpart.SplitTopics(t).Count <= Counterpart.TopicsMax).WithMessage($"At most {Counterpart.TopicsMax} topics, separated by ; or ,.")
            .OverridePropertyName("Topics");
        RuleFor(x => offers(x)).MaximumLength(Counterpart.TextMax).OverridePropertyName("Offers");
        RuleFor(x => seeks(x)).MaximumLength(Counterpart.TextMax).OverridePropertyName("Seeks");
        RuleFor(x => profile(x)).MaximumLength(Counterpart.ProfileMax).OverridePropertyName("Profile");
    }
}
