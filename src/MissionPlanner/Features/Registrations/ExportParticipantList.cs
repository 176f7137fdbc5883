using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>The shareable participant list as CSV for Excel.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportParticipantListQuery(Guid MissionId) : IRequest<byte[]>, IMissionRequest;

public sealed class ExportParticipantListHandler(IMediator mediator) : IRequestHandler<ExportParticipantListQuery, byte[]>
{
    public async Task<byte[]> Handle(ExportParticipantListQuery request, CancellationToken cancellationToken) =>
        Csv.Document(["name", "organisation", "sector", "job title", "delegation role"],
            (await mediator.Send(new GetParticipantListQuery(request.MissionId), cancellationToken))
                .Select(p => new[] { p.Name, p.Organisation, p.Sector.ToString(), p.JobTitle, p.Role.ToString() }));
}
