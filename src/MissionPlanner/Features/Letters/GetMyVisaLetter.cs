using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>The delegate's letter as their personal link shows it (a wrong or revoked link: not found).</summary>
public sealed record GetMyVisaLetterQuery(string Token) : IRequest<MyVisaLetterView>;

public sealed class GetMyVisaLetterHandler(AppDbContext db, PersonalLinks links, PersonalDataProtector protector) : IRequestHandler<GetMyVisaLetterQuery, MyVisaLetterView>
{
    public async Task<MyVisaLetterView> Handle(GetMyVisaLetterQuery request, CancellationToken cancellationToken)
    {
        var person = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        var mission = await db.MissionAsync(person.MissionId, cancellationToken);
        var letter = await db.VisaLetters.AsNoTracking().FirstOrDefaultAsync(l => l.RegistrationId == person.Id, cancellationToken);
        return new MyVisaLetterView(mission.Title, person.Name, person.Status == RegistrationStatus.Confirmed, letter?.Status, letter?.Purpose, letter?.DeclineReason,
            letter?.IssuedAt, letter?.File is not null, Letters.Missing(RegistrationIntake.ReadIdDetails(person.IdDetails, protector)));
    }
}
