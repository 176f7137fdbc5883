using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateHostCommand(string Name, string ContactName, string ContactEmail, string? ContactPhone, int Version)
    : IRequest<Unit>, IMissionRequest, IHostFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid HostId { get; init; }
}

public sealed class UpdateHostValidator : AbstractValidator<UpdateHostCommand>
{
    public UpdateHostValidator() => Include(new HostFieldsValidator());
}

public sealed class UpdateHostHandler(AppDbContext db) : IRequestHandler<UpdateHostCommand, Unit>
{
    public async Task<Unit> Handle(UpdateHostCommand request, CancellationToken cancellationToken)
    {
        var host = await db.VisitHosts.FirstOrDefaultAsync(h => h.MissionId == request.MissionId && h.Id == request.HostId, cancellationToken)
            ?? throw new NotFoundException("Host");
        db.ExpectVersion(host, request.Version);
        host.Update(request.Name, request.ContactName, request.ContactEmail, request.ContactPhone);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
