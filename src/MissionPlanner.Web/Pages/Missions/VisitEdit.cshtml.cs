using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>Adds ("new") or edits a visit: host, venue, time windows, group sizes and requirements; or cancels it.</summary>
public sealed class VisitEditModel(IMediator mediator) : AppPageModel(mediator)
{
    public const int WindowRows = 4;

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public IReadOnlyList<HostSummary> Hosts { get; private set; } = [];

    public IReadOnlyList<VenueDto> Venues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId, string visitId)
    {
        if (!await LoadAsync(missionId, visitId))
        {
            return NotFound();
        }

        if (!IsNew)
        {
            var v = (await Mediator.Send(new ListVisitsQuery(missionId), HttpContext.RequestAborted)).FirstOrDefault(x => x.Id == Guid.Parse(visitId) && !x.Cancelled);
            if (v is null)
            {
                return NotFound();
            }

            Input = new VisitInput
            {
                HostId = v.HostId,
                VenueId = v.VenueId,
                Title = v.Title,
                Kind = v.Kind,
                DurationMinutes = v.DurationMinutes,
                MinGroupSize = v.MinGroupSize,
                MaxGroupSize = v.MaxGroupSize,
                ParallelGroups = v.ParallelGroups,
                Requirements = Enum.GetValues<VisitRequirements>().Where(r => r != VisitRequirements.None && v.Requirements.HasFlag(r)).ToList(),
                ScreeningLeadDays = v.ScreeningLeadDays,
                Notes = v.Notes,
                Starts = [.. v.Windows.Select(w => (DateTime?)w.StartsAt)],
                Ends = [.. v.Windows.Select(w => (DateTime?)w.EndsAt)],
                Version = v.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid missionId, string visitId)
    {
        if (!await LoadAsync(missionId, visitId))
        {
            return NotFound();
        }

        var i = Input;
        var windows = Enumerable.Range(0, Math.Max(i.Starts.Count, i.Ends.Count))
            .Select(n => (Start: n < i.Starts.Count ? i.Starts[n] : null, End: n < i.Ends.Count ? i.Ends[n] : null))
            .Where(w => w.Start is not null || w.End is not null)
            .Select(w => new VisitWindowInput(w.Start ?? w.End!.Value, w.End ?? w.Start!.Value)).ToList();
        var requirements = i.Requirements.Aggregate(VisitRequirements.None, (all, r) => all | r);
        var ok = IsNew
            ? (await TrySendAsync(new CreateVisitCommand(i.HostId, i.VenueId, i.Title, i.Kind, i.DurationMinutes, i.MinGroupSize, i.MaxGroupSize, windows)
            {
                MissionId = missionId,
                ParallelGroups = i.ParallelGroups,
                Requirements = requirements,
                ScreeningLeadDays = i.ScreeningLeadDays,
                Notes = i.Notes,
            })).Ok
            : (await TrySendAsync(new UpdateVisitCommand(i.HostId, i.VenueId, i.Title, i.Kind, i.DurationMinutes, i.MinGroupSize, i.MaxGroupSize, windows, i.Version)
            {
                MissionId = missionId,
                VisitId = Guid.Parse(visitId),
                ParallelGroups = i.ParallelGroups,
                Requirements = requirements,
                ScreeningLeadDays = i.ScreeningLeadDays,
                Notes = i.Notes,
            })).Ok;
        return ok ? Redirect($"/missions/{missionId}/visits") : Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid missionId, string visitId)
    {
        if (!await LoadAsync(missionId, visitId) || IsNew)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new CancelVisitCommand(missionId, Guid.Parse(visitId)), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/visits") : Page();
    }

    /// <summary>The field a window's error belongs to, e.g. "Windows[1]" → the second row.</summary>
    public string? WindowError(int row) =>
        ModelState.TryGetValue($"Input.Windows[{row}]", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(Guid missionId, string visitId)
    {
        IsNew = visitId == "new";
        if (!(IsNew || Guid.TryParse(visitId, out _)) || !await LoadMissionAsync(missionId))
        {
            return false;
        }

        try
        {
            Hosts = await Mediator.Send(new ListHostsQuery(missionId), HttpContext.RequestAborted);
            Venues = await Mediator.Send(new ListVenuesQuery(missionId), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return false;
        }

        return true;
    }

    public sealed class VisitInput
    {
        public Guid HostId { get; set; }
        public Guid VenueId { get; set; }
        public string Title { get; set; } = "";
        public ProgrammeItemKind Kind { get; set; } = ProgrammeItemKind.LabTour;
        public int DurationMinutes { get; set; } = 60;
        public int MinGroupSize { get; set; } = 1;
        public int MaxGroupSize { get; set; } = 10;
        public int ParallelGroups { get; set; } = 1;
        public List<VisitRequirements> Requirements { get; set; } = [];
        public int ScreeningLeadDays { get; set; }
        public string? Notes { get; set; }
        public List<DateTime?> Starts { get; set; } = [];
        public List<DateTime?> Ends { get; set; } = [];
        public int Version { get; set; }
    }
}
