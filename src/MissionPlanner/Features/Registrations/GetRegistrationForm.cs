using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Features.Registrations;

/// <summary>Not secret: anyone who may register sees the same form.</summary>
public sealed record GetRegistrationFormQuery(Guid MissionId) : IRequest<RegistrationFormView>;

public sealed class GetRegistrationFormHandler(AppDbContext db) : IRequestHandler<GetRegistrationFormQuery, RegistrationFormView>
{
    public async Task<RegistrationFormView> Handle(GetRegistrationFormQuery request, CancellationToken cancellationToken)
    {
        var form = await RegistrationIntake.LoadAsync(db, request.MissionId, null, cancellationToken) ?? throw new NotFoundException("Mission");
        return new RegistrationFormView(request.MissionId, form.Mission.RegistrationMode, form.Questions.Select(RegistrationIntake.View).ToList(),
            form.AsksIdDetails);
    }
}
