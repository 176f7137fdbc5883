using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>The same export, for an organiser answering a person's request.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ExportPersonForOrganiserQuery(Guid MissionId, Guid RegistrationId) : IRequest<string>, IMissionRequest;

public sealed class ExportPersonForOrganiserHandler(AppDbContext db, PersonalDataProtector protector) : IRequestHandler<ExportPersonForOrganiserQuery, string>
{
    public async Task<string> Handle(ExportPersonForOrganiserQuery request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        return await PersonalData.ExportAsync(db, protector, registration, cancellationToken);
    }
}
