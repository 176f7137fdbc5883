using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>Adds ("new") or edits one venue.</summary>
public sealed class VenueModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public VenueInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid missionId, string venueId)
    {
        if (!await LoadAsync(missionId, venueId))
        {
            return NotFound();
        }

        if (!IsNew)
        {
            try
            {
                var v = await Mediator.Send(new GetVenueQuery(missionId, Guid.Parse(venueId)));
                Input = new VenueInput
                {
                    Name = v.Name,
                    Address = v.Address,
                    City = v.City,
                    Kind = v.Kind,
                    Latitude = v.Latitude,
                    Longitude = v.Longitude,
                    OpensAt = v.OpensAt,
                    ClosesAt = v.ClosesAt,
                    Version = v.Version,
                };
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid missionId, string venueId)
    {
        if (!await LoadAsync(missionId, venueId))
        {
            return NotFound();
        }

        var i = Input;
        var ok = IsNew
            ? (await TrySendAsync(new CreateVenueCommand(i.Name, i.Address, i.City, i.Kind, i.Latitude, i.Longitude)
            { MissionId = missionId, OpensAt = i.OpensAt, ClosesAt = i.ClosesAt })).Ok
            : (await TrySendAsync(new UpdateVenueCommand(i.Name, i.Address, i.City, i.Kind, i.Latitude, i.Longitude, i.Version)
            {
                MissionId = missionId,
                VenueId = Guid.Parse(venueId),
                OpensAt = i.OpensAt,
                ClosesAt = i.ClosesAt,
            })).Ok;
        return ok ? Redirect($"/missions/{missionId}/venues") : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid missionId, string venueId)
    {
        if (!await LoadAsync(missionId, venueId) || IsNew)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new DeleteVenueCommand(missionId, Guid.Parse(venueId)), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/venues") : Page();
    }

    private async Task<bool> LoadAsync(Guid missionId, string venueId)
    {
        IsNew = venueId == "new";
        return (IsNew || Guid.TryParse(venueId, out _)) && await LoadMissionAsync(missionId);
    }

    public sealed class VenueInput
    {
        public string Name { get; set; } = "";
        public string? Address { get; set; }
        public string? City { get; set; }
        public VenueKind Kind { get; set; } = VenueKind.University;

        [Display(Name = "Latitude (optional)")]
        public double? Latitude { get; set; }

        [Display(Name = "Longitude (optional)")]
        public double? Longitude { get; set; }

        [Display(Name = "Opens at (optional)")]
        public TimeOnly? OpensAt { get; set; }

        [Display(Name = "Closes at")]
        public TimeOnly? ClosesAt { get; set; }

        public int Version { get; set; }
    }
}
