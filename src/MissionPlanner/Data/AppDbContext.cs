using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Mission> Missions => Set<Mission>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ProgrammeItem> ProgrammeItems => Set<ProgrammeItem>();
    public DbSet<ProgrammeItemPerson> ProgrammeItemPeople => Set<ProgrammeItemPerson>();
    public DbSet<VenueTravelTime> VenueTravelTimes => Set<VenueTravelTime>();
    public DbSet<ProgrammeChange> ProgrammeChanges => Set<ProgrammeChange>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Domain.Documents.DocumentRun> DocumentRuns => Set<Domain.Documents.DocumentRun>();
    public DbSet<Organiser> Organisers => Set<Organiser>();
    public DbSet<MissionRole> MissionRoles => Set<MissionRole>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EmailTemplateOverride> EmailTemplateOverrides => Set<EmailTemplateOverride>();
    public DbSet<MailDispatchState> MailDispatchStates => Set<MailDispatchState>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationAudit> RegistrationAudits => Set<RegistrationAudit>();
    public DbSet<RegistrationQuestion> RegistrationQuestions => Set<RegistrationQuestion>();
    public DbSet<VisitHost> VisitHosts => Set<VisitHost>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitPreference> VisitPreferences => Set<VisitPreference>();
    public DbSet<VisitAssignment> VisitAssignments => Set<VisitAssignment>();
    public DbSet<VisitPlan> VisitPlans => Set<VisitPlan>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Ceremony> Ceremonies => Set<Ceremony>();
    public DbSet<CeremonyParty> CeremonyParties => Set<CeremonyParty>();
    public DbSet<CeremonyPerson> CeremonyPeople => Set<CeremonyPerson>();
    public DbSet<RunOfShowLine> RunOfShowLines => Set<RunOfShowLine>();
    public DbSet<CeremonyAgreement> CeremonyAgreements => Set<CeremonyAgreement>();
    public DbSet<CeremonyTask> CeremonyTasks => Set<CeremonyTask>();
    public DbSet<Domain.Links.PersonalLink> PersonalLinks => Set<Domain.Links.PersonalLink>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<Domain.Meetings.Counterpart> Counterparts => Set<Domain.Meetings.Counterpart>();
    public DbSet<Domain.Meetings.MeetingRequest> MeetingRequests => Set<Domain.Meetings.MeetingRequest>();
    public DbSet<Domain.Meetings.MeetingSession> MeetingSessions => Set<Domain.Meetings.MeetingSession>();
    public DbSet<Domain.Meetings.Meeting> Meetings => Set<Domain.Meetings.Meeting>();
    public DbSet<Domain.Meetings.MeetingDelegate> MeetingDelegates => Set<Domain.Meetings.MeetingDelegate>();
    public DbSet<Domain.Meetings.MeetingPlan> MeetingPlans => Set<Domain.Meetings.MeetingPlan>();
    public DbSet<Domain.Meetings.MeetingPreference> MeetingPreferences => Set<Domain.Meetings.MeetingPreference>();
    public DbSet<Domain.Meetings.MeetingOutcome> MeetingOutcomes => Set<Domain.Meetings.MeetingOutcome>();
    public DbSet<Domain.FollowUp.FollowUpAction> FollowUpActions => Set<Domain.FollowUp.FollowUpAction>();
    public DbSet<Domain.Surveys.Survey> Surveys => Set<Domain.Surveys.Survey>();
    public DbSet<Domain.Surveys.SurveyQuestion> SurveyQuestions => Set<Domain.Surveys.SurveyQuestion>();
    public DbSet<Domain.Surveys.SurveyRecipient> SurveyRecipients => Set<Domain.Surveys.SurveyRecipient>();
    public DbSet<Domain.Surveys.SurveyResponse> SurveyResponses => Set<Domain.Surveys.SurveyResponse>();
    public DbSet<Domain.Surveys.SurveyAnswer> SurveyAnswers => Set<Domain.Surveys.SurveyAnswer>();
    public DbSet<Domain.Travel.TravelHub> TravelHubs => Set<Domain.Travel.TravelHub>();
    public DbSet<Domain.Travel.TravelLeg> TravelLegs => Set<Domain.Travel.TravelLeg>();
    public DbSet<Domain.Travel.TransferService> TransferServices => Set<Domain.Travel.TransferService>();
    public DbSet<Domain.Travel.TransferRun> TransferRuns => Set<Domain.Travel.TransferRun>();
    public DbSet<Domain.Travel.TransferPassenger> TransferPassengers => Set<Domain.Travel.TransferPassenger>();
    public DbSet<Domain.Travel.RoomBlock> RoomBlocks => Set<Domain.Travel.RoomBlock>();
    public DbSet<Domain.Travel.RoomAssignment> RoomAssignments => Set<Domain.Travel.RoomAssignment>();
    public DbSet<Domain.Letters.LetterTemplate> LetterTemplates => Set<Domain.Letters.LetterTemplate>();
    public DbSet<Domain.Letters.VisaLetter> VisaLetters => Set<Domain.Letters.VisaLetter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite hands DateTime back as Unspecified, so restore the kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<MissionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<VenueKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Sector>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ProgrammeItemKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MissionRoleKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InvitationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RegistrationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DelegationRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RegistrationMode>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<QuestionKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Audience>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TravelMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Documents.DocumentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Domain.Documents.DocumentRunStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<VisitRequirements>().HaveConversion<string>().HaveMaxLength(200);
        configurationBuilder.Properties<HostResponse>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CeremonyRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SeatingConvention>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ConfirmationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AgreementStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Links.LinkPurpose>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
        }

        ApplySnakeCase(modelBuilder);
    }

    /// <summary>
    /// Each modified <see cref="IVersioned"/> entity gets the next version (its concurrency token).
    /// Called by <see cref="DomainEventInterceptor"/> as a save starts, after the event handlers, so
    /// that entities they change get a new version too.
    /// </summary>
    internal void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }

    /// <summary>The mission's owners and organisers to email: address, and the name to greet (their display name, else the address).</summary>
    public async Task<List<(string Email, string Name)>> OrganisersToEmailAsync(Guid missionId, CancellationToken ct) =>
        (await (from r in MissionRoles
                join o in Organisers on r.OrganiserId equals o.Id
                where r.MissionId == missionId && (r.Role == Domain.Organisers.MissionRoleKind.Organiser || r.Role == Domain.Organisers.MissionRoleKind.Owner)
                select new { o.Email, o.DisplayName }).ToListAsync(ct))
        .Select(o => (o.Email, o.DisplayName.Length > 0 ? o.DisplayName : o.Email)).ToList();

    /// <summary>A mission to read (not tracked), or "Mission was not found".</summary>
    public async Task<Mission> MissionAsync(Guid missionId, CancellationToken ct) =>
        await Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == missionId, ct) ?? throw new NotFoundException("Mission");

    /// <summary>
    /// Tells EF which version the caller last saw, so that saving over someone else's newer
    /// change fails with a concurrency conflict instead of silently overwriting it.
    /// </summary>
    public void ExpectVersion(IVersioned entity, int version) =>
        Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;

    // The schema reads best in snake_case, and PostgreSQL needs no quoting then.
    private static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(ToSnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || i + 1 < name.Length && char.IsLower(name[i + 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Stores every DateTime as UTC and reads it back as Kind Utc (public for the compiled models).</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
