using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Letters;

/// <summary>
/// Sets the mission's letter template: the letterhead (lines), the wording (paragraphs separated by an empty line; the
/// placeholders of <see cref="LetterTemplate.Placeholders"/> in braces, anything else in braces is refused), and the
/// signatory's name and title. <c>Version</c> is the one last read (409 when someone changed it since).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetLetterTemplateCommand(string? Letterhead, string? Wording, string? SignatoryName, string? SignatoryTitle, int? Version)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetLetterTemplateValidator : AbstractValidator<SetLetterTemplateCommand>
{
    public SetLetterTemplateValidator()
    {
        RuleFor(x => x.Letterhead).NotEmpty().MaximumLength(LetterTemplate.LetterheadMax);
        RuleFor(x => x.Wording).NotEmpty().MaximumLength(LetterTemplate.WordingMax);
        RuleFor(x => x.SignatoryName).NotEmpty().MaximumLength(LetterTemplate.SignatoryMax).SingleLine();
        RuleFor(x => x.SignatoryTitle).NotEmpty().MaximumLength(LetterTemplate.SignatoryMax).SingleLine();
        RuleFor(x => x.Version).NotNull();
    }
}

public sealed class SetLetterTemplateHandler(AppDbContext db) : IRequestHandler<SetLetterTemplateCommand, Unit>
{
    public async Task<Unit> Handle(SetLetterTemplateCommand request, CancellationToken cancellationToken)
    {
        await db.MissionAsync(request.MissionId, cancellationToken);
        var template = await db.LetterTemplates.FirstOrDefaultAsync(t => t.MissionId == request.MissionId, cancellationToken);
        if (template is null)
        {
            template = new LetterTemplate(request.MissionId);
            db.LetterTemplates.Add(template);
        }
        else
        {
            db.ExpectVersion(template, request.Version!.Value);
        }

        template.Change(request.Letterhead!, request.Wording!, request.SignatoryName!, request.SignatoryTitle!);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
