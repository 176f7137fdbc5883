using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Imports;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

/// <summary>
/// Invites everyone in a list (columns: email, name — or first and last name — and optionally
/// organisation, under any of their usual names; read by <see cref="ImportSheet"/>). Every row is
/// checked first; with any invalid row nothing is imported unless the organiser explicitly asks to
/// import only the valid rows. All invitations and their emails commit in one transaction.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportInvitationsCommand(string? Csv, bool ImportValidRowsOnly = false, string? Message = null, byte[]? File = null, bool Preview = false)
    : IRequest<ImportResult>, IMissionRequest, IImportCommand
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ImportInvitationsValidator : AbstractValidator<ImportInvitationsCommand>
{
    public ImportInvitationsValidator()
    {
        this.ImportFile();
        RuleFor(x => x.Message).MaximumLength(2000);
    }
}

public sealed class ImportInvitationsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<ImportInvitationsCommand, ImportResult>
{
    private static readonly InviteeValidator RowValidator = new();
    private static readonly ImportField[] Fields = [ImportField.Email, ImportField.Name, ImportField.Organisation];

    public async Task<ImportResult> Handle(ImportInvitationsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        InvitationEmails.EnsureCanInvite(mission);

        if (!ImportSheet.TryOpen(request.Csv, request.File, Fields, "The file has nobody to invite: a header line and one line per person.", out var sheet, out var failure))
        {
            return failure;
        }

        var already = (await db.Invitations.AsNoTracking().Where(i => i.MissionId == mission.Id).Select(i => i.Email).ToListAsync(cancellationToken))
            .ToHashSet();
        var (valid, errors) = sheet.CheckRows(record =>
        {
            var organisation = sheet.Get(record, ImportField.Organisation);
            var row = new InviteeFields(Organiser.NormaliseEmail(sheet.Get(record, ImportField.Email)), sheet.Get(record, ImportField.Name),
                organisation.Length == 0 ? null : organisation);
            return (row, row.Email, RowValidator.Validate(row).Errors.Select(e => new RowError(record.Line, e.PropertyName.ToLowerInvariant(), e.ErrorMessage)));
        }, email => already.Contains(email) ? $"{email} is already invited to this mission." : null);
        if (sheet.Halt(request, errors, valid.Count) is { } halted)
        {
            return halted;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = $"import-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        foreach (var row in valid)
        {
            var invitation = new Invitation(mission.Id, row.Email, row.Name, row.Organisation, batch, now);
            var token = personalLinks.IssueFirst(mission, LinkPurpose.Invitation, invitation.Id);
            db.Invitations.Add(invitation);
            await outbox.EnqueueAsync("invitation", invitation.Email, invitation.Name,
                InvitationEmails.Model(mission, invitation, links.Invitation(token), request.Message), mission.Id, batch, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, valid.Count > 0 ? batch : null, errors, sheet.Preview(valid.Count));
    }
}
