using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Rooms;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The Rooms page: room blocks at the mission's hotels, a room plan per block (rooms by nights), who asked for
/// accommodation and where they sleep, warnings, the proposal and the rooming list.
/// </summary>
public sealed class RoomsModel(IMediator mediator) : AppPageModel(mediator)
{
    public RoomsView Rooms { get; private set; } = new([], [], [], []);

    [BindProperty]
    public BlockInput Block { get; set; } = new();

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    /// <summary>The "Add a room block" form: what was typed when adding failed, else the defaults (never a block's change that failed).</summary>
    public BlockInput NewBlock => Block.Id is null && Block.FirstNight is not null ? Block : new BlockInput
    {
        HotelId = Block.Id is null ? Block.HotelId : null,
        FirstNight = Mission.StartDate.AddDays(-1),
        LastNight = Mission.EndDate.AddDays(-1),
        ReleaseDate = Mission.StartDate.AddDays(-30),
    };

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBlockAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var b = Block;
        var ok = b.Id is { } id
            ? (await TrySendAsync(new UpdateRoomBlockCommand(b.HotelId, b.Name, b.RoomType, b.Accessible, b.FirstNight, b.LastNight, b.RoomsHeld, b.Rate, b.Currency,
                b.ReleaseDate, b.BookingReference, b.Version, b.CheckInFrom, b.CheckOutBy)
            { MissionId = missionId, BlockId = id }, prefix: "Block")).Ok
            : (await TrySendAsync(new AddRoomBlockCommand(b.HotelId, b.Name, b.RoomType, b.Accessible, b.FirstNight, b.LastNight, b.RoomsHeld, b.Rate, b.Currency,
                b.ReleaseDate, b.BookingReference, b.CheckInFrom, b.CheckOutBy)
            { MissionId = missionId }, prefix: "Block")).Ok;
        if (ok)
        {
            TempData["Notice"] = b.Id is null ? "Block added: propose rooms, or place people one by one." : "Block saved.";
            return Redirect($"/missions/{missionId}/rooms#blocks");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public Task<IActionResult> OnPostRemoveBlockAsync(Guid missionId, Guid blockId, bool withGuests) =>
        ActAsync(missionId, new RemoveRoomBlockCommand(missionId, blockId, withGuests), "Block removed; its guests need a room again.", "blocks");

    public Task<IActionResult> OnPostProposeAsync(Guid missionId) =>
        ActAsync(missionId, new ProposeRoomsCommand(missionId), "Rooms proposed: check the warnings, move people if needed.", "blocks");

    public Task<IActionResult> OnPostUnassignAsync(Guid missionId, Guid registrationId) =>
        ActAsync(missionId, new UnassignRoomCommand(missionId, registrationId), "Taken out of the room.", "needs");

    public async Task<IActionResult> OnPostAssignAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new AssignRoomCommand(Assign.RegistrationId, Assign.BlockId, Assign.Room, Assign.CheckIn, Assign.CheckOut)
        { MissionId = missionId }, prefix: "Assign");
        if (ok)
        {
            TempData["Notice"] = $"Placed in room {Assign.Room}.";
            return Redirect($"/missions/{missionId}/rooms#needs");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnGetRoomingListAsync(Guid missionId, ExportFormat format, Guid? hotelId) =>
        Download(await Mediator.Send(new ExportRoomingListQuery(missionId, format, hotelId), HttpContext.RequestAborted));

    private async Task<IActionResult> ActAsync<T>(Guid missionId, IRequest<T> command, string notice, string anchor)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(command, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/rooms#{anchor}");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Rooms = await Mediator.Send(new ListRoomsQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class BlockInput
    {
        /// <summary>Set when changing a block.</summary>
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public Guid? HotelId { get; set; }
        public string? Name { get; set; }
        public RoomType? RoomType { get; set; } = Domain.Travel.RoomType.Single;
        public bool Accessible { get; set; }
        public DateOnly? FirstNight { get; set; }
        public DateOnly? LastNight { get; set; }
        public int RoomsHeld { get; set; } = 10;
        public decimal? Rate { get; set; }
        public string? Currency { get; set; }
        public DateOnly? ReleaseDate { get; set; }
        public string? BookingReference { get; set; }
        public TimeOnly? CheckInFrom { get; set; }
        public TimeOnly? CheckOutBy { get; set; }
    }

    public sealed class AssignInput
    {
        public Guid? RegistrationId { get; set; }
        public Guid? BlockId { get; set; }
        public int Room { get; set; } = 1;
        public DateOnly? CheckIn { get; set; }
        public DateOnly? CheckOut { get; set; }
    }
}
