using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Documents;

/// <summary>Asks for a new generation of one kind of document (required); one already waiting is reused rather than doubled.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RequestDocumentsCommand(DocumentKind? Kind) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class RequestDocumentsValidator : AbstractValidator<RequestDocumentsCommand>
{
    // Required: a missing kind must not quietly print every itinerary.
    public RequestDocumentsValidator() => RuleFor(x => x.Kind).NotNull().IsInEnum();
}

public sealed class RequestDocumentsHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RequestDocumentsCommand, Guid>
{
    public async Task<Guid> Handle(RequestDocumentsCommand request, CancellationToken cancellationToken)
    {
        var run = await DocumentGeneration.RequestAsync(db, request.MissionId, request.Kind!.Value, "requested by an organiser", clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
