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
using MissionPlanner.Features.Imports;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Registers a delegation the organisers already have in a spreadsheet. Columns: email, name (or
/// first and last name), organisation, sector, and optionally role, job title, phone, dietary,
/// accessibility, under any of their usual names (read by <see cref="ImportSheet"/>). Every row
/// is checked first (line and column in each error); with any bad row nothing is imported unless
/// only the valid rows are asked for. Places are given in file order under the same lock as
/// registrations; each person is emailed their personal link to check and complete their details.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ImportDelegatesCommand(string? Csv, bool ImportValidRowsOnly = false, byte[]? File = null, bool Preview = false)
    : IRequest<ImportResult>, IMissionRequest, IImportCommand
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ImportDelegatesValidator : AbstractValidator<ImportDelegatesCommand>
{
    public ImportDelegatesValidator() => this.ImportFile();
}

public sealed class ImportDelegatesHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock, CurrentUser user)
    : IRequestHandler<ImportDelegatesCommand, ImportResult>
{
    private static readonly RegistrationDetailsValidator Fields = new();
    private static readonly ImportField SectorColumn = new("sector", true, "sector", "organisation type", "organization type", "type of organisation", "category");
    private static readonly ImportField RoleColumn = new("role", false, "role", "delegation role", "role in delegation");
    private static readonly ImportField JobTitleColumn = new("job title", false, "job title", "position", "function", "functie");
    private static readonly ImportField PhoneColumn = new("phone", false, "phone", "mobile", "phone number", "mobile phone", "mobile number", "telephone", "tel",
        "cell", "cell phone", "telefoon", "mobiel");
    private static readonly ImportField DietaryColumn = new("dietary", false, "dietary", "diet", "dietary requirements", "dietary needs", "dietary restrictions",
        "allergies");
    private static readonly ImportField AccessibilityColumn = new("accessibility", false, "accessibility", "accessibility needs", "access needs");
    private static readonly ImportField OrganisationColumn = ImportField.Organisation with { Required = true };
    private static readonly ImportField[] Columns =
        [ImportField.Email, ImportField.Name, OrganisationColumn, SectorColumn, RoleColumn, JobTitleColumn, PhoneColumn, DietaryColumn, AccessibilityColumn];

    public async Task<ImportResult> Handle(ImportDelegatesCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        if (!ImportSheet.TryOpen(request.Csv, request.File, Columns, "The file has no delegates: a header line and one line per person.", out var sheet, out var failure))
        {
            return failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Someone cancelled (not erased) is reinstated by importing them again, until the mission ends (RegistrationLifecycle).
        var existing = await db.Registrations.AsNoTracking().Where(r => r.MissionId == mission.Id)
            .Select(r => new { r.Email, Reinstatable = r.Status == RegistrationStatus.Cancelled && r.ErasedAt == null })
            .ToDictionaryAsync(r => r.Email, r => r.Reinstatable && RegistrationCancellation.StillPossible(mission, now), cancellationToken);
        var (valid, errors) = sheet.CheckRows(record =>
        {
            string Get(ImportField field) => sheet.Get(record, field);
            var rowErrors = new List<RowError>();
            var email = Organiser.NormaliseEmail(Get(ImportField.Email));
            if (new InviteeValidator().Validate(new InviteeFields(email, "x", null)).Errors.FirstOrDefault() is { } bad)
            {
                rowErrors.Add(new RowError(record.Line, "email", bad.ErrorMessage));
            }

            var sector = SectorNames.Parse(Get(SectorColumn));
            if (sector is null)
            {
                rowErrors.Add(new RowError(record.Line, "sector", SectorNames.NotASector(Get(SectorColumn))));
            }

            var role = Get(RoleColumn).Length == 0 ? DelegationRole.Member : ParseRole(Get(RoleColumn));
            if (role is null)
            {
                rowErrors.Add(new RowError(record.Line, "role", $"'{Get(RoleColumn)}' is not a delegation role: use head of delegation, deputy, member, organiser, press or guest."));
            }

            // Organisers who import a delegation have obtained its consent to processing.
            var row = new RegistrationDetails(Get(ImportField.Name), Get(OrganisationColumn), sector ?? Sector.Other, role ?? DelegationRole.Member, ConsentProcessing: true,
                Phone: NullIfEmpty(Get(PhoneColumn)), JobTitle: NullIfEmpty(Get(JobTitleColumn)), Dietary: NullIfEmpty(Get(DietaryColumn)),
                Accessibility: NullIfEmpty(Get(AccessibilityColumn)));
            rowErrors.AddRange(Fields.Validate(row).Errors.Where(e => e.PropertyName is not (nameof(RegistrationDetails.Sector) or nameof(RegistrationDetails.Role)))
                .Select(e => new RowError(record.Line, e.PropertyName.ToLowerInvariant() switch { "jobtitle" => "job title", var p => p }, e.ErrorMessage)));
            return ((email, row), email, rowErrors);
        }, email => existing.TryGetValue(email, out var reinstatable) && !reinstatable ? $"{email} is already registered for this mission." : null);
        if (sheet.Halt(request, errors, valid.Count) is { } halted)
        {
            return halted;
        }

        var batch = $"delegates-{now:yyyyMMdd-HHmmss}";
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var calendars = new Dictionary<Sector, string?>();
        // Every arrival number at once, and places decided against the counters as they are under the lock (as the registration batches do).
        var counters = await RegistrationPlaces.ReserveArrivalsAsync(db, mission.Id, valid.Count, cancellationToken);
        var arrival = counters.Sequence - valid.Count;
        var placed = 0;
        var waiting = await db.Registrations.CountAsync(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        foreach (var (email, row) in valid)
        {
            arrival++;
            var confirmed = counters.Capacity is null || counters.Confirmed + placed < counters.Capacity;
            placed += confirmed ? 1 : 0;
            var cancelled = existing.ContainsKey(email) ? await db.Registrations.FirstAsync(r => r.MissionId == mission.Id && r.Email == email, cancellationToken) : null;
            var registration = cancelled ?? new Registration(mission.Id, null, email, arrival, now);
            cancelled?.Reopen(RegistrationAction.Reinstate, arrival, now);
            // Someone reinstated keeps what they gave themselves (consents, bio) and whatever the file leaves empty.
            registration.Fill(row.Name, Common.Phones.ToE164(row.Phone, "Phone") ?? cancelled?.Phone, row.Organisation, row.Sector, row.JobTitle ?? cancelled?.JobTitle, row.Role,
                row.Dietary ?? cancelled?.Dietary, row.Accessibility ?? cancelled?.Accessibility, cancelled?.ConsentPhotos ?? false,
                cancelled?.ConsentListing ?? false, now, cancelled?.Bio);
            registration.Place(confirmed);
            string token;
            if (cancelled is null)
            {
                token = personalLinks.IssueFirst(mission, LinkPurpose.Registration, registration.Id);
                personalLinks.IssueFirstCalendar(mission, registration.Id);
                db.Registrations.Add(registration);
            }
            else
            {
                token = await personalLinks.IssueAsync(mission, LinkPurpose.Registration, registration.Id, cancellationToken);
            }

            db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, cancelled is null ? "imported" : "reinstate",
                $"organiser {user.OrganiserId}", registration.Status.ToString(), now));
            // Newcomers share a sector's programme; someone reinstated has a calendar history of their own.
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, registration, links.Registration(token), confirmed ? 0 : ++waiting, batch,
                cancellationToken, cancelled is null ? calendars : null);
        }

        await RegistrationPlaces.AddConfirmedAsync(db, mission.Id, placed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(valid.Count, sheet.Rows.Count - valid.Count, batch, errors, sheet.Preview(valid.Count));
    }

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
