using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>The delegate downloads their issued letter through their personal link; the download is in their history.</summary>
public sealed record GetMyVisaLetterFileQuery(string Token) : IRequest<LetterFile>;

public sealed class GetMyVisaLetterFileHandler(AppDbContext db, PersonalLinks links, DataDirectory data, TimeProvider clock) : IRequestHandler<GetMyVisaLetterFileQuery, LetterFile>
{
    public async Task<LetterFile> Handle(GetMyVisaLetterFileQuery request, CancellationToken cancellationToken)
    {
        var person = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        var letter = await db.VisaLetters.AsNoTracking().FirstOrDefaultAsync(l => l.RegistrationId == person.Id && l.File != null, cancellationToken)
                     ?? throw new NotFoundException("Letter");
        db.RegistrationAudits.Add(new RegistrationAudit(person.MissionId, person.Id, "letter downloaded", "participant", null, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return new LetterFile(await File.ReadAllBytesAsync(Path.Combine(data.Path, letter.File!), cancellationToken), Letters.FileName(person));
    }
}
