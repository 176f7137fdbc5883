using FluentValidation;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Venues;

public interface IVenueFields
{
    string Name { get; }
    string? Address { get; }
    string? City { get; }
    VenueKind Kind { get; }
    double? Latitude { get; }
    double? Longitude { get; }
}

public sealed class VenueFieldsValidator : AbstractValidator<IVenueFields>
{
    public VenueFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Venue.NameMax);
        RuleFor(x => x.Address).MaximumLength(Venue.AddressMax);
        RuleFor(x => x.City).MaximumLength(Mission.PlaceMax);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null)
            .WithMessage("Give both latitude and longitude, or neither.");
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null)
            .WithMessage("Give both latitude and longitude, or neither.");
    }
}

public sealed record VenueDto(
    Guid Id, string Name, string Address, string City, VenueKind Kind, double? Latitude, double? Longitude, int Version)
{
    public TimeOnly? OpensAt { get; init; }
    public TimeOnly? ClosesAt { get; init; }
}
