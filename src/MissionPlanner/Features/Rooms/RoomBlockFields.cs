using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// A room block's terms as typed: the hotel (a venue of kind hotel), a name, the room type, whether the rooms are
/// accessible, the first and last night (dates the nights begin), rooms held, the rate per room and night with its ISO 4217
/// currency, the release date and the hotel's booking reference.
/// </summary>
public interface IRoomBlockFields
{
    Guid? HotelId { get; }
    string? Name { get; }
    RoomType? RoomType { get; }
    bool Accessible { get; }
    DateOnly? FirstNight { get; }
    DateOnly? LastNight { get; }
    int RoomsHeld { get; }
    decimal? Rate { get; }
    string? Currency { get; }
    DateOnly? ReleaseDate { get; }
    string? BookingReference { get; }

    /// <summary>Check-in from (hotel time); empty for 15:00.</summary>
    TimeOnly? CheckInFrom { get; }

    /// <summary>Check-out by (hotel time); empty for 11:00.</summary>
    TimeOnly? CheckOutBy { get; }
}

/// <summary>The rules of <see cref="IRoomBlockFields"/> that need no data, naming the field; the block checks its dates against the mission.</summary>
public abstract class RoomBlockFieldsValidator<T> : AbstractValidator<T>
    where T : IRoomBlockFields
{
    protected RoomBlockFieldsValidator()
    {
        RuleFor(x => x.HotelId).NotNull();
        RuleFor(x => x.Name).MaximumLength(RoomBlock.NameMax).SingleLine();
        RuleFor(x => x.RoomType).NotNull().IsInEnum();
        RuleFor(x => x.FirstNight).NotNull();
        RuleFor(x => x.LastNight).NotNull();
        RuleFor(x => x.ReleaseDate).NotNull();
        RuleFor(x => x.RoomsHeld).InclusiveBetween(1, RoomBlock.RoomsMax);
        RuleFor(x => x.BookingReference).MaximumLength(RoomBlock.ReferenceMax).SingleLine();
        RuleFor(x => x.Currency).Must(c => c is null || c.Trim().Length <= 3).WithMessage("A currency is a three-letter ISO 4217 code, e.g. GBP or EUR.");
    }
}

internal static class RoomBlockFields
{
    /// <exception cref="Domain.Common.DomainException">On the field at fault.</exception>
    public static void Apply(RoomBlock block, IRoomBlockFields f, Mission mission) =>
        block.Change(f.Name, f.RoomType!.Value, f.Accessible, f.FirstNight!.Value, f.LastNight!.Value, f.RoomsHeld, f.Rate, f.Currency, f.ReleaseDate!.Value,
            f.BookingReference, mission.StartDate, mission.EndDate, f.CheckInFrom, f.CheckOutBy);
}
