using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Makes a signing ceremony of a programme item, with a run of show to start from.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateCeremonyCommand(Guid MissionId, Guid ProgrammeItemId) : IRequest<Guid>, IMissionRequest;

public sealed class CreateCeremonyHandler(AppDbContext db) : IRequestHandler<CreateCeremonyCommand, Guid>
{
    public async Task<Guid> Handle(CreateCeremonyCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ProgrammeItemId, cancellationToken)
            ?? throw new DomainException(nameof(request.ProgrammeItemId), "Choose a programme item of this mission.");
        if (item.Kind != ProgrammeItemKind.SigningCeremony)
        {
            throw new DomainException(nameof(request.ProgrammeItemId), $"'{item.Title}' is not a signing ceremony; make it one in the programme first.");
        }

        if (await db.Ceremonies.AnyAsync(c => c.ProgrammeItemId == item.Id, cancellationToken))
        {
            throw new DomainException(nameof(request.ProgrammeItemId), $"'{item.Title}' has its ceremony already.");
        }

        var ceremony = new Ceremony(request.MissionId, item.Id);
        db.Ceremonies.Add(ceremony);
        var length = (int)(item.EndsAt - item.StartsAt).TotalMinutes;
        // A usual shape, shortened to fit: organisers adjust it, and remarks follow from the speakers.
        var lines = new (string Title, string Owner, int Minutes)[]
        {
            ("Arrival of guests and signatories", "Protocol officer", 5), ("Welcome by the master of ceremonies", "Master of ceremonies", 3),
            ("Signing", "Signatories", 5), ("Exchange of documents", "Signatories", 2), ("Official photograph", "Photographer", 3),
        };
        var position = 0;
        var used = 0;
        foreach (var (title, owner, minutes) in lines.Where(l => l.Minutes <= length))
        {
            if (used + minutes > length)
            {
                break;
            }

            db.RunOfShowLines.Add(new RunOfShowLine(ceremony.Id, ++position, title, owner, 0, minutes));
            used += minutes;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ceremony.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ConfigureCeremonyCommand(SeatingConvention Convention, string? RoleRanks, Guid? HostPartyId, int SeatsPerRow, int Version)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class ConfigureCeremonyHandler(AppDbContext db) : IRequestHandler<ConfigureCeremonyCommand, Unit>
{
    public async Task<Unit> Handle(ConfigureCeremonyCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        db.ExpectVersion(ceremony, request.Version);
        if (request.HostPartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.HostPartyId), "Choose one of this ceremony's parties.");
        }

        ceremony.Configure(request.Convention, request.RoleRanks, request.HostPartyId, request.SeatsPerRow);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyPartyCommand(string Name) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class AddCeremonyPartyValidator : AbstractValidator<AddCeremonyPartyCommand>
{
    public AddCeremonyPartyValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
}

public sealed class AddCeremonyPartyHandler(AppDbContext db) : IRequestHandler<AddCeremonyPartyCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyPartyCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        if (await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Name == request.Name.Trim(), cancellationToken))
        {
            throw new DomainException(nameof(request.Name), $"'{request.Name.Trim()}' is a party already.");
        }

        var party = new CeremonyParty(ceremony.Id, request.Name);
        db.CeremonyParties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        return party.Id;
    }
}

/// <summary>
/// Adds someone to the ceremony. A signatory must be a participant registered for the mission (their
/// name and organisation come from the registration); dignitaries and others may come from outside.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyPersonCommand(CeremonyRole Role, string? Name, string? Title, string? Organisation, string? Email)
    : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    public Guid? RegistrationId { get; init; }
    public Guid? PartyId { get; init; }
    public int? Rank { get; init; }
    public int? TieBreak { get; init; }
    public bool Speaks { get; init; }
}

public sealed class AddCeremonyPersonValidator : AbstractValidator<AddCeremonyPersonCommand>
{
    public AddCeremonyPersonValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.Name).NotEmpty().When(x => x.RegistrationId is null).MaximumLength(200).SingleLine();
        RuleFor(x => x.Organisation).NotEmpty().When(x => x.RegistrationId is null).MaximumLength(200);
        RuleFor(x => x.Title).MaximumLength(200);
        RuleFor(x => x.Email).ValidEmailAddress();
        RuleFor(x => x.RegistrationId).NotNull().When(x => x.Role == CeremonyRole.Signatory)
            .WithMessage("A signatory must be a participant registered for the mission: choose their registration.");
    }
}

public sealed class AddCeremonyPersonHandler(AppDbContext db) : IRequestHandler<AddCeremonyPersonCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var (name, organisation, email) = (request.Name ?? "", request.Organisation ?? "", request.Email);
        if (request.RegistrationId is { } registrationId)
        {
            var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.MissionId == request.MissionId
                && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined && r.ErasedAt == null, cancellationToken)
                ?? throw new DomainException(nameof(request.RegistrationId), "That person is not registered for this mission (or cancelled): signatories must be.");
            if (await db.CeremonyPeople.AnyAsync(p => p.CeremonyId == ceremony.Id && p.RegistrationId == registrationId, cancellationToken))
            {
                throw new DomainException(nameof(request.RegistrationId), $"{registration.Name} is in this ceremony already.");
            }

            (name, organisation, email) = (registration.Name, registration.Organisation, email ?? registration.Email);
        }

        if (request.PartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.PartyId), "Choose one of this ceremony's parties.");
        }

        var person = new CeremonyPerson(ceremony.Id, request.Role, name, request.Title, organisation, email, request.RegistrationId);
        person.Place(request.PartyId, request.Rank, request.TieBreak, request.Speaks);
        db.CeremonyPeople.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}

/// <summary>Changes someone's party, rank, tie-break and whether they speak.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PlaceCeremonyPersonCommand(Guid? PartyId, int? Rank, int? TieBreak, bool Speaks) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    [JsonIgnore]
    public Guid PersonId { get; init; }
}

public sealed class PlaceCeremonyPersonHandler(AppDbContext db) : IRequestHandler<PlaceCeremonyPersonCommand, Unit>
{
    public async Task<Unit> Handle(PlaceCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var person = await db.CeremonyPeople.FirstOrDefaultAsync(p => p.CeremonyId == ceremony.Id && p.Id == request.PersonId, cancellationToken)
            ?? throw new NotFoundException("Person");
        if (request.PartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.PartyId), "Choose one of this ceremony's parties.");
        }

        person.Place(request.PartyId, request.Rank, request.TieBreak, request.Speaks);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveCeremonyPersonCommand(Guid MissionId, Guid CeremonyId, Guid PersonId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveCeremonyPersonHandler(AppDbContext db) : IRequestHandler<RemoveCeremonyPersonCommand, Unit>
{
    public async Task<Unit> Handle(RemoveCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        db.CeremonyPeople.Remove(await db.CeremonyPeople.FirstOrDefaultAsync(p => p.CeremonyId == ceremony.Id && p.Id == request.PersonId, cancellationToken)
            ?? throw new NotFoundException("Person"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

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

/// <summary>Starts a line (and every line after it) some minutes later, or earlier with a negative number.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ShiftRunOfShowLineCommand(Guid MissionId, Guid CeremonyId, Guid LineId, int Minutes) : IRequest<Unit>, IMissionRequest;

public sealed class ShiftRunOfShowLineHandler(AppDbContext db) : IRequestHandler<ShiftRunOfShowLineCommand, Unit>
{
    public async Task<Unit> Handle(ShiftRunOfShowLineCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).ToListAsync(cancellationToken);
        (lines.FirstOrDefault(l => l.Id == request.LineId) ?? throw new NotFoundException("Line")).Shift(request.Minutes);
        await CeremonyLookup.EnsureFitsAsync(db, ceremony, lines, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveRunOfShowLineCommand(Guid MissionId, Guid CeremonyId, Guid LineId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveRunOfShowLineHandler(AppDbContext db) : IRequestHandler<RemoveRunOfShowLineCommand, Unit>
{
    public async Task<Unit> Handle(RemoveRunOfShowLineCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var line = lines.FirstOrDefault(l => l.Id == request.LineId) ?? throw new NotFoundException("Line");
        db.RunOfShowLines.Remove(line);
        foreach (var later in lines.Where(l => l.Position > line.Position))
        {
            later.MoveTo(later.Position - 1);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Puts a "Remarks by …" line per speaker into the run of show, in speaking order (the most senior
/// last), after the welcome (or first); earlier remarks lines are replaced. It must still fit.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PlanRemarksCommand(Guid MissionId, Guid CeremonyId, int MinutesEach) : IRequest<int>, IMissionRequest;

public sealed class PlanRemarksValidator : AbstractValidator<PlanRemarksCommand>
{
    public PlanRemarksValidator() => RuleFor(x => x.MinutesEach).InclusiveBetween(1, 60);
}

public sealed class PlanRemarksHandler(AppDbContext db) : IRequestHandler<PlanRemarksCommand, int>
{
    public const string Prefix = "Remarks by ";

    public async Task<int> Handle(PlanRemarksCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var people = await db.CeremonyPeople.AsNoTracking().Where(p => p.CeremonyId == ceremony.Id).ToListAsync(cancellationToken);
        var speakers = Protocol.SpeakingOrder(Protocol.Order(people.Select(p => p.ForProtocol()), Protocol.RoleRanks(ceremony.RoleRanks)));
        var titles = people.ToDictionary(p => p.Id, p => p.Title);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        db.RunOfShowLines.RemoveRange(lines.Where(l => l.Title.StartsWith(Prefix, StringComparison.Ordinal)));
        var kept = lines.Where(l => !l.Title.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var after = kept.FindIndex(l => l.Title.Contains("Welcome", StringComparison.OrdinalIgnoreCase)) + 1;
        var remarks = speakers.Select(p => new RunOfShowLine(ceremony.Id, 0, $"{Prefix}{p.Name}{(titles[p.Id] is { } t ? $", {t}" : "")}", p.Name, 0, request.MinutesEach)).ToList();
        var ordered = kept.Take(after).Concat(remarks).Concat(kept.Skip(after)).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }

        db.RunOfShowLines.AddRange(remarks);
        await CeremonyLookup.EnsureFitsAsync(db, ceremony, ordered, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return remarks.Count;
    }
}

/// <summary>Adds (empty id) or changes an agreement to be signed.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SaveAgreementCommand(string Title, string Languages, int Originals, string? BroughtBy, AgreementStatus Status) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    public Guid? AgreementId { get; init; }
}

public sealed class SaveAgreementValidator : AbstractValidator<SaveAgreementCommand>
{
    public SaveAgreementValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Languages).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Originals).InclusiveBetween(1, 50);
        RuleFor(x => x.BroughtBy).MaximumLength(200);
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class SaveAgreementHandler(AppDbContext db) : IRequestHandler<SaveAgreementCommand, Guid>
{
    public async Task<Guid> Handle(SaveAgreementCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        CeremonyAgreement agreement;
        if (request.AgreementId is { } id)
        {
            agreement = await db.CeremonyAgreements.FirstOrDefaultAsync(a => a.CeremonyId == ceremony.Id && a.Id == id, cancellationToken) ?? throw new NotFoundException("Agreement");
            agreement.Change(request.Title, request.Languages, request.Originals, request.BroughtBy, request.Status);
        }
        else
        {
            agreement = new CeremonyAgreement(ceremony.Id, request.Title, request.Languages, request.Originals, request.BroughtBy);
            agreement.Change(request.Title, request.Languages, request.Originals, request.BroughtBy, request.Status);
            db.CeremonyAgreements.Add(agreement);
        }

        await db.SaveChangesAsync(cancellationToken);
        return agreement.Id;
    }
}

/// <summary>A task before the ceremony, due on a day (mission time) no later than the ceremony's.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyTaskCommand(string Title, string Owner, string OwnerEmail, DateOnly DueDate) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class AddCeremonyTaskValidator : AbstractValidator<AddCeremonyTaskCommand>
{
    public AddCeremonyTaskValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Owner).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.OwnerEmail).NotEmpty().ValidEmailAddress();
    }
}

public sealed class AddCeremonyTaskHandler(AppDbContext db) : IRequestHandler<AddCeremonyTaskCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyTaskCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var (item, mission) = await CeremonyLookup.ItemAsync(db, ceremony, cancellationToken);
        var day = DateOnly.FromDateTime(MissionTime.ToLocal(item.StartsAt, mission.TimeZone));
        if (request.DueDate > day)
        {
            throw new DomainException(nameof(request.DueDate), $"The task must be due by the day of the ceremony ({day:yyyy-MM-dd}).");
        }

        var task = new CeremonyTask(ceremony.Id, request.Title, request.Owner, request.OwnerEmail, request.DueDate);
        db.CeremonyTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CompleteCeremonyTaskCommand(Guid MissionId, Guid CeremonyId, Guid TaskId, bool Done) : IRequest<Unit>, IMissionRequest;

public sealed class CompleteCeremonyTaskHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CompleteCeremonyTaskCommand, Unit>
{
    public async Task<Unit> Handle(CompleteCeremonyTaskCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var task = await db.CeremonyTasks.FirstOrDefaultAsync(t => t.CeremonyId == ceremony.Id && t.Id == request.TaskId, cancellationToken)
            ?? throw new NotFoundException("Task");
        task.Complete(request.Done, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class CeremonyLookup
{
    public static async Task<Ceremony> FindAsync(AppDbContext db, Guid missionId, Guid ceremonyId, CancellationToken ct) =>
        await db.Ceremonies.FirstOrDefaultAsync(c => c.MissionId == missionId && c.Id == ceremonyId, ct) ?? throw new NotFoundException("Ceremony");

    public static async Task<(ProgrammeItem Item, Mission Mission)> ItemAsync(AppDbContext db, Ceremony ceremony, CancellationToken ct) =>
        (await db.ProgrammeItems.AsNoTracking().FirstAsync(p => p.Id == ceremony.ProgrammeItemId, ct),
         await db.Missions.AsNoTracking().FirstAsync(m => m.Id == ceremony.MissionId, ct));

    /// <summary>Refuses a run of show that would end after its programme item.</summary>
    public static async Task EnsureFitsAsync(AppDbContext db, Ceremony ceremony, IEnumerable<RunOfShowLine> lines, CancellationToken ct)
    {
        var (item, mission) = await ItemAsync(db, ceremony, ct);
        var timed = RunOfShow.Schedule(item.StartsAt, lines.Select(l => (l.Id, l.Position, l.Title, l.Owner, l.GapBeforeMinutes, l.Minutes)));
        if (timed.Count > 0 && timed[^1].EndsAt > item.EndsAt)
        {
            var zone = mission.TimeZone;
            throw new DomainException("Minutes",
                $"The run of show would end at {MissionTime.ToLocal(timed[^1].EndsAt, zone):HH:mm}, after '{item.Title}' ends at {MissionTime.ToLocal(item.EndsAt, zone):HH:mm}: " +
                "shorten a line or lengthen the programme item.");
        }
    }
}
