using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Travel;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>A confirmed delegate's own arrival and departure, behind their personal link (/r/…/travel).</summary>
public sealed class TravelModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyTravel Travel { get; private set; } = null!;

    public string Token { get; private set; } = "";

    [BindProperty]
    public LegInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SetMyTravelLegCommand(token, Input.Direction, Input.Mode, Input.Carrier, Input.Number, Input.HubId, Input.OtherEnd,
            Input.ScheduledLocal, Input.ShareMobile), prefix: $"Input{Input.Direction}");
        if (ok)
        {
            TempData["Notice"] = $"Your {Input.Direction.ToString().ToLowerInvariant()} is saved.";
            return Redirect($"/r/{token}/travel");
        }

        return Page();
    }

    /// <summary>What the form for one direction shows: the posted values after a refusal, else what is saved.</summary>
    public LegInput For(LegDirection direction)
    {
        if (Input.Direction == direction && Request.Method == "POST")
        {
            return Input;
        }

        var saved = direction == LegDirection.Arrival ? Travel.Travel?.Arrival : Travel.Travel?.Departure;
        return saved is null
            ? new LegInput { Direction = direction }
            : new LegInput
            {
                Direction = direction,
                Mode = saved.Mode,
                Carrier = saved.Carrier,
                Number = saved.Number,
                HubId = saved.HubId,
                OtherEnd = saved.OtherEnd,
                ScheduledLocal = saved.ScheduledLocal,
                ShareMobile = saved.ShareMobile,
            };
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Travel = await Mediator.Send(new GetMyTravelQuery(token), HttpContext.RequestAborted);
            Token = token;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class LegInput
    {
        public LegDirection Direction { get; set; }
        public LegMode? Mode { get; set; } = LegMode.Flight;
        public string? Carrier { get; set; }
        public string? Number { get; set; }
        public Guid? HubId { get; set; }
        public string? OtherEnd { get; set; }
        public DateTime? ScheduledLocal { get; set; }
        public bool ShareMobile { get; set; }
    }
}
