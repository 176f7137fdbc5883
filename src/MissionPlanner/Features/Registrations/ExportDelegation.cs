using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>The delegation as CSV that opens correctly in Excel: UTF-8 with BOM, quoted fields, formula-safe.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportDelegationQuery(Guid MissionId) : IRequest<byte[]>, IMissionRequest;

public sealed class ExportDelegationHandler(IMediator mediator) : IRequestHandler<ExportDelegationQuery, byte[]>
{
    public async Task<byte[]> Handle(ExportDelegationQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetDelegationQuery(request.MissionId), cancellationToken);
        string[] header = ["name", "email", "organisation", "sector", "job title", "delegation role", "status", "dietary", "accessibility",
            .. view.Questions.Select(q => q.Prompt), .. view.AsksIdDetails ? new[] { "ID details" } : []];
        return Csv.Document(header,
            view.People.Where(p => p.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined)).Select(p =>
            {
                var answers = RegistrationIntake.ReadAnswers(p.Answers);
                return new[]
                {
                    p.Name, p.Email, p.Organisation, p.Sector.ToString(), p.JobTitle, p.Role.ToString(), p.Status.ToString(), p.Dietary, p.Accessibility,
                }.Concat(view.Questions.Select(q => answers.TryGetValue(q.Id, out var a) ? string.Join("; ", a) : null))
                .Concat(view.AsksIdDetails ? [p.IdDetailsOnFile ? "given" : "missing"] : []).ToArray();
            }));
    }
}
