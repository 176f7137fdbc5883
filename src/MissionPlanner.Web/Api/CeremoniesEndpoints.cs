using MediatR;
using MissionPlanner.Features.Ceremonies;

namespace MissionPlanner.Web.Api;

public static class CeremoniesEndpoints
{
    public sealed record CreateRequest(Guid ProgrammeItemId);

    public sealed record ShiftRequest(int Minutes);

    public sealed record DoneRequest(bool Done);

    public sealed record RemarksRequest(int MinutesEach);

    public static RouteGroupBuilder MapCeremonies(this RouteGroupBuilder api)
    {
        var all = api.MapGroup("/missions/{missionId:guid}/ceremonies").WithTags("Ceremonies");
        all.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListCeremoniesQuery(missionId), ct));
        all.MapPost("/", async (Guid missionId, CreateRequest body, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(new CreateCeremonyCommand(missionId, body.ProgrammeItemId), ct);
            return Results.Created($"/api/v1/missions/{missionId}/ceremonies/{id}", await m.Send(new GetCeremonyQuery(missionId, id), ct));
        });

        var one = all.MapGroup("/{ceremonyId:guid}");
        one.MapGet("/", (Guid missionId, Guid ceremonyId, IMediator m, CancellationToken ct) => m.Send(new GetCeremonyQuery(missionId, ceremonyId), ct));
        one.MapPut("/", async (Guid missionId, Guid ceremonyId, ConfigureCeremonyCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct);
            return await m.Send(new GetCeremonyQuery(missionId, ceremonyId), ct);
        });
        one.MapPost("/parties", async (Guid missionId, Guid ceremonyId, AddCeremonyPartyCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct) }));
        one.MapPost("/people", async (Guid missionId, Guid ceremonyId, AddCeremonyPersonCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct) }));
        one.MapPut("/people/{personId:guid}", async (Guid missionId, Guid ceremonyId, Guid personId, PlaceCeremonyPersonCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId, PersonId = personId }, ct);
            return Results.NoContent();
        });
        one.MapDelete("/people/{personId:guid}", async (Guid missionId, Guid ceremonyId, Guid personId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveCeremonyPersonCommand(missionId, ceremonyId, personId), ct);
            return Results.NoContent();
        });
        one.MapPost("/run-of-show", async (Guid missionId, Guid ceremonyId, SaveRunOfShowLineCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct) }));
        one.MapPost("/run-of-show/remarks", async (Guid missionId, Guid ceremonyId, RemarksRequest body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { lines = await m.Send(new PlanRemarksCommand(missionId, ceremonyId, body.MinutesEach), ct) }));
        one.MapPost("/run-of-show/{lineId:guid}/shift", async (Guid missionId, Guid ceremonyId, Guid lineId, ShiftRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ShiftRunOfShowLineCommand(missionId, ceremonyId, lineId, body.Minutes), ct);
            return Results.NoContent();
        });
        one.MapDelete("/run-of-show/{lineId:guid}", async (Guid missionId, Guid ceremonyId, Guid lineId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveRunOfShowLineCommand(missionId, ceremonyId, lineId), ct);
            return Results.NoContent();
        });
        one.MapPost("/agreements", async (Guid missionId, Guid ceremonyId, SaveAgreementCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct) }));
        one.MapPost("/tasks", async (Guid missionId, Guid ceremonyId, AddCeremonyTaskCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(command with { MissionId = missionId, CeremonyId = ceremonyId }, ct) }));
        one.MapPut("/tasks/{taskId:guid}", async (Guid missionId, Guid ceremonyId, Guid taskId, DoneRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CompleteCeremonyTaskCommand(missionId, ceremonyId, taskId, body.Done), ct);
            return Results.NoContent();
        });
        one.MapPost("/confirmations", async (Guid missionId, Guid ceremonyId, IMediator m, CancellationToken ct) =>
            Results.Ok(new { asked = await m.Send(new AskCeremonyConfirmationsCommand(missionId, ceremonyId), ct) }));
        // The run of show, the seating plan or the signatories' briefings as a PDF.
        one.MapGet("/documents/{kind}", async (Guid missionId, Guid ceremonyId, CeremonyDocumentKind kind, IMediator m, CancellationToken ct) =>
            Results.File(await m.Send(new GetCeremonyPdfQuery(missionId, ceremonyId, kind), ct), "application/pdf", $"{kind.ToString().ToLowerInvariant()}.pdf"));
        return api;
    }
}
