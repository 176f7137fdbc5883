using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateHostCommand(string Name, string ContactName, string ContactEmail, string? ContactPhone)
    : IRequest<Guid>, IMissionRequest, IHostFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class CreateHostValidator : AbstractValidator<CreateHostCommand>
{
    public CreateHostValidator() => Include(new HostFieldsValidator());
}

public sealed class CreateHostHandler(AppDbContext db) : IRequestHandler<CreateHostCommand, Guid>
{
    public async Task<Guid> Handle(CreateHostCommand request, CancellationToken cancellationToken)
    {
        var host = new VisitHost(request.MissionId, request.Name, request.ContactName, request.ContactEmail, request.ContactPhone);
        db.VisitHosts.Add(host);
        await db.SaveChangesAsync(cancellationToken);
        return host.Id;
    }
}
