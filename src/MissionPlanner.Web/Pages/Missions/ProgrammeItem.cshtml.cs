using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>Adds ("new") or edits one programme item.</summary>
public sealed class ProgrammeItemModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public bool IsNew { get; private set; }
    public IEnumerable<SelectListItem> Kinds { get; } =
        Enum.GetValues<ProgrammeItemKind>().Where(k => k != ProgrammeItemKind.B2BMeeting).Select(k => new SelectListItem(ProgrammeModel.KindLabel(k), k.ToString()));
    public IEnumerable<SelectListItem> Venues { get; private set; } = [];

    public ProgrammeItemDto? Item { get; private set; }

    public IReadOnlyList<DelegateRow> People { get; private set; } = [];

    public IReadOnlySet<Guid> ChosenPeople { get; private set; } = new HashSet<Guid>();

    public IReadOnlyList<MissionPlanner.Features.CheckIn.AttendanceRow> Present { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId, string itemId)
    {
        if (!await LoadAsync(missionId, itemId))
        {
            return NotFound();
        }

        if (IsNew)
        {
            var first = Mission.StartDate.ToDateTime(new TimeOnly(9, 0));
            Input = new ItemInput { StartsAt = first, EndsAt = first.AddHours(1) };
            return Page();
        }

        var item = Item;
        if (item is null)
        {
            return NotFound();
        }

        Input = new ItemInput
        {
            Title = item.Title,
            Description = item.Description,
            Kind = item.Kind,
            StartsAt = item.StartsAt.DateTime,
            EndsAt = item.EndsAt.DateTime,
            VenueId = item.VenueId,
            Capacity = item.Capacity,
            AllowsParallel = item.AllowsParallel,
            RequiresIdScreening = item.RequiresIdScreening,
            DressCode = item.DressCode,
            Contact = item.Contact,
            TravelMode = item.TravelMode,
            Carrier = item.Carrier,
            MeetingPoint = item.MeetingPoint,
            SeatOrCoach = item.SeatOrCoach,
            Version = item.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid missionId, string itemId)
    {
        if (!await LoadAsync(missionId, itemId))
        {
            return NotFound();
        }

        var i = Input;
        var startsAt = DateTime.SpecifyKind(i.StartsAt, DateTimeKind.Unspecified);
        var endsAt = DateTime.SpecifyKind(i.EndsAt, DateTimeKind.Unspecified);
        var ok = IsNew
            ? (await TrySendAsync(new CreateProgrammeItemCommand(i.Title, i.Description, i.Kind, startsAt, endsAt,
                i.VenueId, i.Capacity, i.AllowsParallel)
            {
                MissionId = missionId,
                RequiresIdScreening = i.RequiresIdScreening,
                DressCode = i.DressCode,
                Contact = i.Contact,
                TravelMode = i.TravelMode,
                Carrier = i.Carrier,
                MeetingPoint = i.MeetingPoint,
                SeatOrCoach = i.SeatOrCoach
            })).Ok
            : (await TrySendAsync(new UpdateProgrammeItemCommand(i.Title, i.Description, i.Kind, startsAt, endsAt,
                i.VenueId, i.Capacity, i.AllowsParallel, i.Version)
            {
                MissionId = missionId,
                ItemId = Guid.Parse(itemId),
                RequiresIdScreening = i.RequiresIdScreening,
                DressCode = i.DressCode,
                Contact = i.Contact,
                TravelMode = i.TravelMode,
                Carrier = i.Carrier,
                MeetingPoint = i.MeetingPoint,
                SeatOrCoach = i.SeatOrCoach
            })).Ok;
        return ok ? Redirect($"/missions/{missionId}/programme") : Page();
    }

    /// <summary>Who the item is for: everyone, some sectors, or chosen people.</summary>
    public async Task<IActionResult> OnPostAudienceAsync(Guid missionId, string itemId, Audience audience, List<Sector> sectors, List<Guid> people)
    {
        if (!await LoadAsync(missionId, itemId) || IsNew)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SetItemAudienceCommand(audience, sectors, people) { MissionId = missionId, ItemId = Guid.Parse(itemId) },
            besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/programme/{itemId}") : Page();
    }

    public async Task<IActionResult> OnPostCancelItemAsync(Guid missionId, string itemId, bool cancelled)
    {
        if (!await LoadAsync(missionId, itemId) || IsNew)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new CancelProgrammeItemCommand(missionId, Guid.Parse(itemId), cancelled), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/programme/{itemId}") : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid missionId, string itemId)
    {
        if (!await LoadAsync(missionId, itemId) || IsNew)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new DeleteProgrammeItemCommand(missionId, Guid.Parse(itemId)), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/programme") : Page();
    }

    private async Task<bool> LoadAsync(Guid missionId, string itemId)
    {
        IsNew = itemId == "new";
        if (!IsNew && !Guid.TryParse(itemId, out _) || !await LoadMissionAsync(missionId))
        {
            return false;
        }

        var venues = await Mediator.Send(new ListVenuesQuery(missionId));
        Venues = venues.Select(v => new SelectListItem($"{v.Name} ({v.City})", v.Id.ToString()));
        if (!IsNew)
        {
            var id = Guid.Parse(itemId);
            Item = (await Mediator.Send(new ListProgrammeItemsQuery(missionId, id))).SingleOrDefault();
            if (Item is null)
            {
                return false;
            }

            ChosenPeople = (await Mediator.Send(new ListItemPeopleQuery(missionId, id))).ToHashSet();
            Present = await Mediator.Send(new MissionPlanner.Features.CheckIn.ListAttendanceQuery(missionId, id));
            People = (await Mediator.Send(new GetDelegationQuery(missionId))).People
                .Where(p => p.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted).ToList();
        }

        return true;
    }

    public sealed class ItemInput
    {
        public string Title { get; set; } = "";
        public string? Description { get; set; }
        public ProgrammeItemKind Kind { get; set; } = ProgrammeItemKind.Talk;

        [Display(Name = "Starts")]
        public DateTime StartsAt { get; set; }

        [Display(Name = "Ends")]
        public DateTime EndsAt { get; set; }

        [Display(Name = "Venue")]
        public Guid? VenueId { get; set; }

        [Display(Name = "Capacity (empty for no limit)")]
        public int? Capacity { get; set; }

        [Display(Name = "Runs in parallel with other items (e.g. small-group lab tours)")]
        public bool AllowsParallel { get; set; }

        [Display(Name = "Visitors are screened: registration asks for nationality, ID number and date of birth")]
        public bool RequiresIdScreening { get; set; }

        [Display(Name = "Dress code and what to bring (optional)")]
        public string? DressCode { get; set; }

        [Display(Name = "Contact on the day (optional)")]
        public string? Contact { get; set; }

        [Display(Name = "Travel by")]
        public TravelMode? TravelMode { get; set; }

        [Display(Name = "Carrier, flight or train")]
        public string? Carrier { get; set; }

        [Display(Name = "Meeting point")]
        public string? MeetingPoint { get; set; }

        [Display(Name = "Seat or coach")]
        public string? SeatOrCoach { get; set; }

        public int Version { get; set; }
    }
}
