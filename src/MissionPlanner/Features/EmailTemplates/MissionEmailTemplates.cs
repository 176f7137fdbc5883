using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.EmailTemplates;

public sealed record MissionTemplateDto(string Template, EmailTemplateSource Source, bool IsCustom);

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
