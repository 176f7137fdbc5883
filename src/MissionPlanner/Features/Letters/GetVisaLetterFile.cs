using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>An organiser downloads an issued letter (organisers only: it carries the passport number); the download is in the delegate's history.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetVisaLetterFileQuery(Guid MissionId, Guid LetterId) : IRequest<LetterFile>, IMissionRequest;

public sealed class GetVisaLetterFileHandler(AppDbContext db, DataDirectory data, CurrentUser user, TimeProvider clock) : IRequestHandler<GetVisaLetterFileQuery, LetterFile>
{
    public async Task<LetterFile> Handle(GetVisaLetterFileQuery request, CancellationToken cancellationToken)
    {
        var letter = await Letters.LetterAsync(db, request.MissionId, request.LetterId, cancellationToken);
        if (letter.File is null)
        {
            throw new NotFoundException("Letter");
        }

        var person = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == letter.RegistrationId, cancellationToken);
        db.RegistrationAudits.Add(new RegistrationAudit(letter.MissionId, person.Id, "letter downloaded", await Letters.ActorAsync(db, user, cancellationToken), null,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return new LetterFile(await File.ReadAllBytesAsync(Path.Combine(data.Path, letter.File), cancellationToken), Letters.FileName(person));
    }
}
