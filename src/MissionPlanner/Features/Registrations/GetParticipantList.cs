using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// The participant list shared with the delegation and hosts: confirmed people who agreed to be
/// listed, in order of precedence, with what others may see (name, organisation, title).
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetParticipantListQuery(Guid MissionId) : IRequest<IReadOnlyList<ListedParticipant>>, IMissionRequest;

public sealed class GetParticipantListHandler(IMediator mediator) : IRequestHandler<GetParticipantListQuery, IReadOnlyList<ListedParticipant>>
{
    public async Task<IReadOnlyList<ListedParticipant>> Handle(GetParticipantListQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetDelegationQuery(request.MissionId, RegistrationStatus.Confirmed), cancellationToken);
        return view.People.Where(p => p.ConsentListing)
            .Select(p => new ListedParticipant(p.Name, p.Organisation, p.Sector, p.JobTitle, p.Role))
            .ToList();
    }
}
