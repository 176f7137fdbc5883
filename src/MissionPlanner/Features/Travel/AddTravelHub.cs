using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Adds an airport, station or port where delegates arrive or leave, with its IANA time zone (times there are typed
/// in it). A name the mission already has is refused on "Name"; an unknown zone on "TimeZoneId".
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddTravelHubCommand(string? Name, string? Code, HubKind? Kind, string? TimeZoneId) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddTravelHubValidator : AbstractValidator<AddTravelHubCommand>
{
    public AddTravelHubValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(TravelHub.NameMax).SingleLine();
        RuleFor(x => x.Code).MaximumLength(TravelHub.CodeMax).Matches("^[A-Za-z0-9]*$").WithMessage("A code is letters and digits, e.g. LHR.");
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.TimeZoneId).NotEmpty();
    }
}

public sealed class AddTravelHubHandler(AppDbContext db) : IRequestHandler<AddTravelHubCommand, Guid>
{
    public async Task<Guid> Handle(AddTravelHubCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var name = request.Name!.Trim();
        if (await db.TravelHubs.AnyAsync(h => h.MissionId == mission.Id && h.Name == name, cancellationToken))
        {
            throw new DomainException("Name", $"The mission already has '{name}'.");
        }

        // Imports find a place by its code: two places with one code would make that a guess.
        var code = string.IsNullOrWhiteSpace(request.Code) ? null : request.Code.Trim().ToUpperInvariant();
        if (code is not null && await db.TravelHubs.AnyAsync(h => h.MissionId == mission.Id && h.Code == code, cancellationToken))
        {
            throw new DomainException("Code", $"The mission already has a place with the code {code}.");
        }

        var hub = new TravelHub(mission.Id, name, request.Code, request.Kind!.Value, request.TimeZoneId!);
        db.TravelHubs.Add(hub);
        await db.SaveChangesAsync(cancellationToken);
        return hub.Id;
    }
}
