using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.EmailTemplates;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SaveMissionTemplateCommand(string Subject, string Html, string Text) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public string Template { get; init; } = "";
}

public sealed class SaveMissionTemplateValidator : AbstractValidator<SaveMissionTemplateCommand>
{
    public SaveMissionTemplateValidator()
    {
        RuleFor(x => x.Template).Must(t => Messaging.EmailTemplates.Builtin.ContainsKey(t)).WithMessage("There is no such email template.");
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(2000).SingleLine();
        RuleFor(x => x.Html).NotEmpty().MaximumLength(100_000);
        RuleFor(x => x.Text).NotEmpty().MaximumLength(100_000);
    }
}

/// <summary>Saves the mission's own wording after proving it renders with every placeholder known.</summary>
public sealed class SaveMissionTemplateHandler(AppDbContext db, PublicLinks links, TimeProvider clock) : IRequestHandler<SaveMissionTemplateCommand, Unit>
{
    public async Task<Unit> Handle(SaveMissionTemplateCommand request, CancellationToken cancellationToken)
    {
        var source = new EmailTemplateSource(request.Subject, request.Html, request.Text);
        try
        {
            Messaging.EmailTemplates.Render(request.Template, source,
                await TemplateModels.ModelJsonAsync(db, links, request.MissionId, request.Template, null, cancellationToken));
        }
        catch (TemplateException ex)
        {
            var part = ex.Message.Contains(".subject", StringComparison.Ordinal) ? "Subject"
                : ex.Message.Contains(".html", StringComparison.Ordinal) ? "Html" : "Text";
            throw new DomainException(part, ex.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.EmailTemplateOverrides.FirstOrDefaultAsync(o => o.MissionId == request.MissionId && o.Template == request.Template, cancellationToken);
        if (existing is null)
        {
            existing = new EmailTemplateOverride(request.MissionId, request.Template, now);
            db.EmailTemplateOverrides.Add(existing);
        }

        existing.Change(request.Subject, request.Html, request.Text, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
