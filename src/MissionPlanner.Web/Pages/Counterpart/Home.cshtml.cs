using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Counterpart;

/// <summary>A counterpart's page behind their personal link: their profile, when they can meet, and the delegation.</summary>
public sealed class HomeModel(IMediator mediator) : MeetingPageModel(mediator)
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public CounterpartPage View { get; private set; } = null!;

    public DirectoryPartial Delegation { get; private set; } = null!;

    public string Token { get; private set; } = "";

    /// <summary>Their published meetings as a PDF (GET: reading changes nothing).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string token)
    {
        try
        {
            var pdf = await Mediator.Send(new GetCounterpartSchedulePdfQuery(token), HttpContext.RequestAborted);
            return File(pdf, "application/pdf", "my-meetings.pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, Sector? sector, string? topic, string? country, string? organisation, string? search)
    {
        var filter = new DirectoryFilter(sector, topic, country, organisation, search);
        if (!await LoadAsync(token, filter))
        {
            return NotFound();
        }

        Input = new ProfileInput
        {
            Topics = View.Topics,
            Offers = View.Offers,
            Seeks = View.Seeks,
            Profile = View.Profile,
            Listed = View.Listed,
            From = View.Days.Select(d => d.From?.ToString("HH:mm")).ToList(),
            To = View.Days.Select(d => d.To?.ToString("HH:mm")).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token, new DirectoryFilter()))
        {
            return NotFound();
        }

        var days = new List<DayAvailability>();
        for (var i = 0; i < View.Days.Count; i++)
        {
            var from = Time(Input.From.ElementAtOrDefault(i), $"Input.From[{i}]");
            var to = Time(Input.To.ElementAtOrDefault(i), $"Input.To[{i}]");
            days.Add(new DayAvailability(View.Days[i].Day, from, to));
        }

        try
        {
            var (ok, _) = await TrySendAsync(new UpdateMyCounterpartProfileCommand(token, Input.Topics, Input.Offers, Input.Seeks, Input.Profile, Input.Listed, days));
            if (!ok)
            {
                return Page();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = "Thank you: your profile and times are saved.";
        return Redirect($"/m/{token}");
    }

    private TimeOnly? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var time))
        {
            return time;
        }

        ModelState.AddModelError(field, $"'{text}' is not a time: use hours and minutes, e.g. 09:30.");
        return null;
    }

    protected override string Back(string token) => $"/m/{token}";

    protected override Task<bool> LoadPageAsync(string token) => LoadAsync(token, new DirectoryFilter());

    private async Task<bool> LoadAsync(string token, DirectoryFilter filter)
    {
        Token = token;
        try
        {
            View = await Mediator.Send(new GetCounterpartPageQuery(token, filter), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return false;
        }

        // The page has the delegation already: only the requests are asked for.
        if (!await LoadMeetingsAsync(token, filter, withDirectory: false))
        {
            return false;
        }

        Delegation = new DirectoryPartial(View.Delegation, filter, ShowKind: false, CanAsk(View.Delegation), Interests);
        return true;
    }

    public sealed class ProfileInput
    {
        public string? Topics { get; set; }
        public string? Offers { get; set; }
        public string? Seeks { get; set; }
        public string? Profile { get; set; }
        public bool Listed { get; set; }
        public List<string?> From { get; set; } = [];
        public List<string?> To { get; set; } = [];
    }
}
