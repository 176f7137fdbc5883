using MediatR;
using MissionPlanner.Features.Documents;

namespace MissionPlanner.Web.Api;

public static class DocumentsEndpoints
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/missions/{missionId:guid}/documents").WithTags("Documents");
        documents.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListDocumentRunsQuery(missionId), ct));
        documents.MapPost("/", async (Guid missionId, RequestDocumentsCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Accepted($"/api/v1/missions/{missionId}/documents/{id}", new { id });
        });
        documents.MapGet("/{runId:guid}", async (Guid missionId, Guid runId, IMediator m, CancellationToken ct) =>
            (await m.Send(new ListDocumentRunsQuery(missionId, runId), ct)).SingleOrDefault() is { } run ? Results.Ok(run) : Results.NotFound());
        documents.MapGet("/{runId:guid}/files/{file}", async (Guid missionId, Guid runId, string file, IMediator m, CancellationToken ct) =>
            Results.File(await m.Send(new GetDocumentFileQuery(missionId, runId, file), ct),
                file.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/pdf", file));
        return api;
    }
}
