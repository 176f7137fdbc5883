using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Adds (empty id) or changes an agreement to be signed.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SaveAgreementCommand(string Title, string Languages, int Originals, string? BroughtBy, AgreementStatus Status) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    public Guid? AgreementId { get; init; }
}

public sealed class SaveAgreementValidator : AbstractValidator<SaveAgreementCommand>
{
    public SaveAgreementValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Languages).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Originals).InclusiveBetween(1, 50);
        RuleFor(x => x.BroughtBy).MaximumLength(200);
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class SaveAgreementHandler(AppDbContext db) : IRequestHandler<SaveAgreementCommand, Guid>
{
    public async Task<Guid> Handle(SaveAgreementCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        CeremonyAgreement agreement;
        if (request.AgreementId is { } id)
        {
            agreement = await db.CeremonyAgreements.FirstOrDefaultAsync(a => a.CeremonyId == ceremony.Id && a.Id == id, cancellationToken) ?? throw new NotFoundException("Agreement");
            agreement.Change(request.Title, request.Languages, request.Originals, request.BroughtBy, request.Status);
        }
        else
        {
            agreement = new CeremonyAgreement(ceremony.Id, request.Title, request.Languages, request.Originals, request.BroughtBy);
            agreement.Change(request.Title, request.Languages, request.Originals, request.BroughtBy, request.Status);
            db.CeremonyAgreements.Add(agreement);
        }

        await db.SaveChangesAsync(cancellationToken);
        return agreement.Id;
    }
}
