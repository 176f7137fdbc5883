using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>
/// Every letter request of the mission, waiting ones first, each with the letter as it would read (from the ID details on
/// file), or what is missing. Organisers only: it shows passport numbers.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ListVisaLettersQuery(Guid MissionId) : IRequest<IReadOnlyList<VisaLetterView>>, IMissionRequest;

public sealed class ListVisaLettersHandler(AppDbContext db, PersonalDataProtector protector) : IRequestHandler<ListVisaLettersQuery, IReadOnlyList<VisaLetterView>>
{
    public async Task<IReadOnlyList<VisaLetterView>> Handle(ListVisaLettersQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var template = await Letters.TemplateAsync(db, mission.Id, cancellationToken);
        var rows = await (from l in db.VisaLetters.AsNoTracking()
                          join r in db.Registrations.AsNoTracking() on l.RegistrationId equals r.Id
                          where l.MissionId == mission.Id && r.ErasedAt == null
                          select new { Letter = l, Person = r }).ToListAsync(cancellationToken);
        var views = new List<VisaLetterView>();
        foreach (var x in rows.OrderBy(x => x.Letter.Status).ThenBy(x => x.Letter.RequestedAt))
        {
            var id = RegistrationIntake.ReadIdDetails(x.Person.IdDetails, protector);
            var missing = Letters.Missing(id);
            var l = x.Letter;
            var preview = missing.Count == 0 && l.Status == LetterStatus.Requested
                ? template.Fill(await Letters.ValuesAsync(db, mission, x.Person, id!, cancellationToken))
                : null;
            views.Add(new VisaLetterView(l.Id, x.Person.Id, x.Person.Name, x.Person.Organisation, l.Status, l.Purpose, l.RequestedAt, l.DecidedAt, l.DecidedBy,
                l.DeclineReason, l.IssuedAt, l.File is not null, missing, preview, l.Version, preview is null ? null : Letters.Fingerprint(template, preview)));
        }

        return views;
    }
}
