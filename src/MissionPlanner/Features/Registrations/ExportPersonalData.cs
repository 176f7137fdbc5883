using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Registrations;

/// <summary>Everything the mission holds about one person, as JSON: their registration, invitation, history and emails.</summary>
public sealed record ExportPersonalDataQuery(string Token) : IRequest<string>;

public sealed class ExportPersonalDataHandler(AppDbContext db, PersonalLinks personalLinks, PersonalDataProtector protector) : IRequestHandler<ExportPersonalDataQuery, string>
{
    public async Task<string> Handle(ExportPersonalDataQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        return await PersonalData.ExportAsync(db, protector, registration, cancellationToken);
    }
}
