using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Documents;

/// <summary>A finished document, by name: only the files a generation lists can be read.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetDocumentFileQuery(Guid MissionId, Guid RunId, string File) : IRequest<byte[]>, IMissionRequest;

public sealed class GetDocumentFileHandler(AppDbContext db, DataDirectory data) : IRequestHandler<GetDocumentFileQuery, byte[]>
{
    public async Task<byte[]> Handle(GetDocumentFileQuery request, CancellationToken cancellationToken)
    {
        var run = await db.DocumentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RunId, cancellationToken)
            ?? throw new NotFoundException("Document");
        if (run.Status != DocumentRunStatus.Done || !DocumentGeneration.Downloads(run, data).Contains(request.File))
        {
            throw new NotFoundException("Document");
        }

        return await File.ReadAllBytesAsync(Path.Combine(data.Path, run.Folder, request.File), cancellationToken);
    }
}
