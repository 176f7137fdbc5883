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

/// <summary>Adds a line to the run of show (at the end, or before a position) or changes one; it must still fit the programme item.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SaveRunOfShowLineCommand(string Title, string? Owner, int GapBeforeMinutes, int Minutes) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    /// <summary>The line to change; empty adds one.</summary>
    public Guid? LineId { get; init; }

    /// <summary>For a new line: its place (1 is first); empty puts it last.</summary>
    public int? Position { get; init; }
}

public sealed class SaveRunOfShowLineValidator : AbstractValidator<SaveRunOfShowLineCommand>
{
    public SaveRunOfShowLineValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Owner).MaximumLength(200);
        RuleFor(x => x.Minutes).InclusiveBetween(1, 600);
        RuleFor(x => x.GapBeforeMinutes).InclusiveBetween(0, 600);
    }
}

public sealed class SaveRunOfShowLineHandler(AppDbContext db) : IRequestHandler<SaveRunOfShowLineCommand, Guid>
{
    public async Task<Guid> Handle(SaveRunOfShowLineCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        RunOfShowLine line;
        if (request.LineId is { } id)
        {
            line = lines.FirstOrDefault(l => l.Id == id) ?? throw new NotFoundException("Line");
            line.Change(request.Title, request.Owner, request.GapBeforeMinutes, request.Minutes);
        }
        else
        {
            var at = Math.Clamp(request.Position ?? lines.Count + 1, 1, lines.Count + 1);
            foreach (var later in lines.Where(l => l.Position >= at).OrderByDescending(l => l.Position))
            {
                later.MoveTo(later.Position + 1);
            }

            line = new RunOfShowLine(ceremony.Id, at, request.Title, request.Owner, request.GapBeforeMinutes, request.Minutes);
            db.RunOfShowLines.Add(line);
            lines.Add(line);
        }

        await CeremonyLookup.EnsureFitsAsync(db, ceremony, lines, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return line.Id;
    }
}
