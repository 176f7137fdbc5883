using MediatR;
using MissionPlanner.Features.Letters;

namespace MissionPlanner.Web.Api;

/// <summary>
/// Visa and support letters: /api/v1/missions/{missionId}/letters (organisers only: letters carry passport numbers).
/// The template (letterhead, wording with placeholders, signatory), the delegates' requests with each letter as it
/// would read, approving (the letter job prints and emails it) or declining with a reason, and the issued PDF.
/// </summary>
public static class LettersEndpoints
{
    public static RouteGroupBuilder MapLetters(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/missions/{missionId:guid}/letters").WithTags("Letters");
        letters.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListVisaLettersQuery(missionId), ct));
        letters.MapGet("/template", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetLetterTemplateQuery(missionId), ct));
        letters.MapPut("/template", async (Guid missionId, SetLetterTemplateCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return await m.Send(new GetLetterTemplateQuery(missionId), ct);
        });
        // {"version": n}: the letter's version as read, so that a request changed since is not approved unseen.
        letters.MapPost("/{letterId:guid}/approve", async (Guid missionId, Guid letterId, ApproveVisaLetterCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, LetterId = letterId }, ct);
            return (await m.Send(new ListVisaLettersQuery(missionId), ct)).Single(l => l.Id == letterId);
        });
        letters.MapPost("/{letterId:guid}/decline", async (Guid missionId, Guid letterId, DeclineVisaLetterCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, LetterId = letterId }, ct);
            return (await m.Send(new ListVisaLettersQuery(missionId), ct)).Single(l => l.Id == letterId);
        });
        letters.MapGet("/{letterId:guid}/letter.pdf", async (Guid missionId, Guid letterId, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetVisaLetterFileQuery(missionId, letterId), ct);
                return Results.File(file.Content, "application/pdf", file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return api;
    }
}
