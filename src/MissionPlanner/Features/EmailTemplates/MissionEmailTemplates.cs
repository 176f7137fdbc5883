using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.EmailTemplates;

public sealed record MissionTemplateDto(string Template, EmailTemplateSource Source, bool IsCustom);

/// <summary>The wording of one email for this mission: its own if it has one, else the default.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMissionTemplateQuery(Guid MissionId, string Template) : IRequest<MissionTemplateDto>, IMissionRequest;

public sealed class GetMissionTemplateHandler(AppDbContext db) : IRequestHandler<GetMissionTemplateQuery, MissionTemplateDto>
{
    public async Task<MissionTemplateDto> Handle(GetMissionTemplateQuery request, CancellationToken cancellationToken)
    {
        if (!Messaging.EmailTemplates.Builtin.ContainsKey(request.Template))
        {
            throw new NotFoundException("Email template");
        }

        var custom = await db.EmailTemplateOverrides.AnyAsync(o => o.MissionId == request.MissionId && o.Template == request.Template, cancellationToken);
        return new MissionTemplateDto(request.Template,
            await Messaging.EmailTemplates.SourceAsync(db, request.Template, request.MissionId, cancellationToken), custom);
    }
}

/// <summary>
/// Renders a template (saved or as being edited) the way one real invitee would receive it; with
/// no invitee, against the template's sample. Errors name the part and placeholder.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record PreviewMissionTemplateQuery(Guid MissionId, string Template, EmailTemplateSource? Draft, Guid? InvitationId)
    : IRequest<RenderedEmail>, IMissionRequest;

public sealed class PreviewMissionTemplateHandler(AppDbContext db, PublicLinks links) : IRequestHandler<PreviewMissionTemplateQuery, RenderedEmail>
{
    public async Task<RenderedEmail> Handle(PreviewMissionTemplateQuery request, CancellationToken cancellationToken)
    {
        var source = request.Draft ?? await Messaging.EmailTemplates.SourceAsync(db, request.Template, request.MissionId, cancellationToken);
        return Messaging.EmailTemplates.Render(request.Template, source,
            await TemplateModels.ModelJsonAsync(db, links, request.MissionId, request.Template, request.InvitationId, cancellationToken));
    }
}

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

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ResetMissionTemplateCommand(Guid MissionId, string Template) : IRequest<Unit>, IMissionRequest;

public sealed class ResetMissionTemplateHandler(AppDbContext db) : IRequestHandler<ResetMissionTemplateCommand, Unit>
{
    public async Task<Unit> Handle(ResetMissionTemplateCommand request, CancellationToken cancellationToken)
    {
        await db.EmailTemplateOverrides.Where(o => o.MissionId == request.MissionId && o.Template == request.Template)
            .ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class TemplateModels
{
    /// <summary>The model a template would get for this mission and, when given, this invitee.</summary>
    public static async Task<string> ModelJsonAsync(AppDbContext db, PublicLinks links, Guid missionId, string template, Guid? invitationId,
        CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        var invitation = invitationId is { } id
            ? await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.MissionId == missionId && i.Id == id, ct) ?? throw new NotFoundException("Invitation")
            : null;
        var link = links.Invitation("personal-link-shown-here");
        object model = template switch
        {
            "invitation" when invitation is not null => InvitationEmails.Model(mission, invitation, link, null),
            "invitation-reminder" when invitation is not null => new EmailModels.InvitationReminder(invitation.Name, mission.Title,
                PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate), link,
                mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : "(deadline not set)", mission.ReminderDayList.FirstOrDefault(7)),
            _ => EmailModels.Samples[template],
        };
        return JsonSerializer.Serialize(model, model.GetType(), Messaging.EmailTemplates.ModelJson);
    }
}
