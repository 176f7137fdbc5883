using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Registers a delegation the organisers already have in a spreadsheet. Columns: email, name,
/// organisation, sector, and optionally role, job title, phone, dietary, accessibility. Every row
/// is checked first (line and column in each error); with any bad row nothing is imported unless
/// only the valid rows are asked for. Places are given in file order under the same lock as
/// registrations; each person is emailed their personal link to check and complete their details.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportDelegatesCommand(string Csv, bool ImportValidRowsOnly = false) : IRequest<ImportResult>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ImportDelegatesValidator : AbstractValidator<ImportDelegatesCommand>
{
    public ImportDelegatesValidator() => RuleFor(x => x.Csv).NotEmpty().MaximumLength(5_000_000);
}

public sealed class ImportDelegatesHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock, CurrentUser user)
    : IRequestHandler<ImportDelegatesCommand, ImportResult>
{
    private static readonly RegistrationDetailsValidator Fields = new();

    public async Task<ImportResult> Handle(ImportDelegatesCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        if (!CsvSheet.TryRead(request.Csv, 2, "The file has no delegates: a header line and one line per person.", out var sheet, out var unreadable))
        {
            return new ImportResult(0, 0, null, [unreadable!]);
        }

        int Column(params string[] names) => sheet.Column(names);
        var at = new
        {
            Email = Column("email", "e-mail"),
            Name = Column("name", "full name"),
            Organisation = Column("organisation", "organization"),
            Sector = Column("sector"),
            Role = Column("role", "delegation role"),
            Title = Column("job title", "title"),
            Phone = Column("phone", "mobile"),
            Dietary = Column("dietary", "diet"),
            Accessibility = Column("accessibility"),
        };
        var missing = new[] { ("email", at.Email), ("name", at.Name), ("organisation", at.Organisation), ("sector", at.Sector) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            return new ImportResult(0, 0, null, [new RowError(1, "", $"The first line must name the columns; missing: {string.Join(", ", missing)}.")]);
        }

        var existing = (await db.Registrations.AsNoTracking().Where(r => r.MissionId == mission.Id).Select(r => r.Email).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var errors = new List<RowError>();
        var valid = new List<(string Email, RegistrationDetails Row)>();
        foreach (var record in sheet.Rows)
        {
            string Get(int i) => CsvSheet.Get(record, i).Trim();
            var rowErrors = new List<RowError>();
            var email = Organiser.NormaliseEmail(Get(at.Email));
            if (new InviteeValidator().Validate(new InviteeFields(email, "x", null)).Errors.FirstOrDefault() is { } bad)
            {
                rowErrors.Add(new RowError(record.Line, "email", bad.ErrorMessage));
            }
            else if (existing.Contains(email))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"{email} is already registered for this mission."));
            }
            else if (seen.TryGetValue(email, out var first))
            {
                rowErrors.Add(new RowError(record.Line, "email", $"{email} appears twice in the file (also on line {first})."));
            }

            var sector = ParseSector(Get(at.Sector));
            if (sector is null)
            {
                rowErrors.Add(new RowError(record.Line, "sector", $"'{Get(at.Sector)}' is not a sector: use academia, industry, start-up, government or other."));
            }

            var role = Get(at.Role).Length == 0 ? DelegationRole.Member : ParseRole(Get(at.Role));
            if (role is null)
            {
                rowErrors.Add(new RowError(record.Line, "role", $"'{Get(at.Role)}' is not a delegation role: use head of delegation, deputy, member, organiser, press or guest."));
            }

            // Organisers who import a delegation have obtained its consent to processing.
            var row = new RegistrationDetails(Get(at.Name), Get(at.Organisation), sector ?? Sector.Other, role ?? DelegationRole.Member, ConsentProcessing: true,
                Phone: NullIfEmpty(Get(at.Phone)), JobTitle: NullIfEmpty(Get(at.Title)), Dietary: NullIfEmpty(Get(at.Dietary)),
                Accessibility: NullIfEmpty(Get(at.Accessibility)));
            rowErrors.AddRange(Fields.Validate(row).Errors.Where(e => e.PropertyName is not (nameof(RegistrationDetails.Sector) or nameof(RegistrationDetails.Role)))
                .Select(e => new RowError(record.Line, e.PropertyName.ToLowerInvariant() switch { "jobtitle" => "job title", var p => p }, e.ErrorMessage)));
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            seen[email] = record.Line;
            valid.Add((email, row));
        }

        if (errors.Count > 0 && !request.ImportValidRowsOnly)
        {
            return new ImportResult(0, sheet.Rows.Count, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = $"delegates-{now:yyyyMMdd-HHmmss}";
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var calendars = new Dictionary<Sector, string?>();
        var waiting = await db.Registrations.CountAsync(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        foreach (var (email, row) in valid)
        {
            var (arrival, confirmed) = await RegistrationPlaces.TakeAsync(db, mission.Id, cancellationToken);
            var registration = new Registration(mission.Id, null, email, arrival, now);
            registration.Fill(row.Name, row.Phone, row.Organisation, row.Sector, row.JobTitle, row.Role, row.Dietary, row.Accessibility, false, false, now);
            registration.Place(confirmed);
            var token = personalLinks.IssueFirst(mission, LinkPurpose.Registration, registration.Id);
            personalLinks.IssueFirstCalendar(mission, registration.Id);
            db.Registrations.Add(registration);
            db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "imported", $"organiser {user.OrganiserId}", registration.Status.ToString(), now));
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, registration, links.Registration(token), confirmed ? 0 : ++waiting, batch,
                cancellationToken, calendars);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, batch, errors);
    }

    private static Sector? ParseSector(string value) => value.ToLowerInvariant().Replace("-", "").Replace(" ", "") switch
    {
        "academia" or "academic" or "university" => Sector.Academia,
        "industry" or "company" => Sector.Industry,
        "startup" => Sector.StartUp,
        "government" or "policy" => Sector.Government,
        "other" => Sector.Other,
        _ => null,
    };

    private static DelegationRole? ParseRole(string value) => value.ToLowerInvariant().Replace("-", "").Replace(" ", "") switch
    {
        "headofdelegation" or "head" => DelegationRole.HeadOfDelegation,
        "deputy" => DelegationRole.Deputy,
        "member" => DelegationRole.Member,
        "organiser" or "organizer" => DelegationRole.Organiser,
        "press" => DelegationRole.Press,
        "guest" or "counterpart" => DelegationRole.Guest,
        _ => null,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
