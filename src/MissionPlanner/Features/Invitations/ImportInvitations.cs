using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

/// <summary>
/// Invites everyone in a CSV (columns: email, name, optional organisation). Every row is checked
/// first; with any invalid row nothing is imported unless the organiser explicitly asks to import
/// only the valid rows. All invitations and their emails commit in one transaction.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportInvitationsCommand(string Csv, bool ImportValidRowsOnly = false, string? Message = null)
    : IRequest<ImportResult>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed record RowError(int Line, string Column, string Message);

public sealed record ImportResult(int Imported, int Skipped, string? Batch, IReadOnlyList<RowError> Errors)
{
    public bool NothingImported => Imported == 0;
}

public sealed class ImportInvitationsValidator : AbstractValidator<ImportInvitationsCommand>
{
    public const int MaxRows = 5000;

    public ImportInvitationsValidator()
    {
        RuleFor(x => x.Csv).NotEmpty().MaximumLength(5_000_000);
        RuleFor(x => x.Message).MaximumLength(2000);
    }
}

public sealed class ImportInvitationsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<ImportInvitationsCommand, ImportResult>
{
    private static readonly InviteeValidator RowValidator = new();

    public async Task<ImportResult> Handle(ImportInvitationsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        InvitationEmails.EnsureCanInvite(mission);

        if (!CsvSheet.TryRead(request.Csv, 1, "The file is empty.", out var sheet, out var unreadable))
        {
            return new ImportResult(0, 0, null, [unreadable!]);
        }

        int Column(params string[] names) => sheet.Column(names);
        var (emailAt, nameAt, orgAt) = (Column("email", "e-mail", "email address"), Column("name", "full name"), Column("organisation", "organization", "company"));
        if (emailAt < 0 || nameAt < 0)
        {
            return new ImportResult(0, 0, null, [new RowError(1, "", "The first line must name the columns: email, name and optionally organisation.")]);
        }

        if (sheet.Rows.Count > ImportInvitationsValidator.MaxRows)
        {
            return new ImportResult(0, 0, null, [new RowError(1, "", $"At most {ImportInvitationsValidator.MaxRows} people per file.")]);
        }

        var already = (await db.Invitations.AsNoTracking().Where(i => i.MissionId == mission.Id).Select(i => i.Email).ToListAsync(cancellationToken))
            .ToHashSet();
        var seen = new Dictionary<string, int>();
        var errors = new List<RowError>();
        var valid = new List<InviteeFields>();
        foreach (var record in sheet.Rows)
        {
            string Get(int at) => CsvSheet.Get(record, at);
            var row = new InviteeFields(Organiser.NormaliseEmail(Get(emailAt)), Get(nameAt).Trim(), Get(orgAt));
            var rowErrors = RowValidator.Validate(row).Errors
                .Select(e => new RowError(record.Line, e.PropertyName.ToLowerInvariant(), e.ErrorMessage)).ToList();
            if (rowErrors.Count == 0 && already.Contains(row.Email))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"{row.Email} is already invited to this mission."));
            }
            else if (rowErrors.Count == 0 && seen.TryGetValue(row.Email, out var firstLine))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"{row.Email} appears twice in the file (also on line {firstLine})."));
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            seen[row.Email] = record.Line;
            valid.Add(row);
        }

        if (errors.Count > 0 && !request.ImportValidRowsOnly)
        {
            return new ImportResult(0, sheet.Rows.Count, null, errors);
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
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, valid.Count > 0 ? batch : null, errors);
    }
}
