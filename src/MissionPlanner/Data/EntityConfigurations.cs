using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Data;

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> b)
    {
        b.ToTable("Missions");
        b.Property(x => x.Title).HasMaxLength(Mission.TitleMax);
        b.Property(x => x.Summary).HasMaxLength(Mission.SummaryMax);
        b.Property(x => x.HostCountry).HasMaxLength(Mission.PlaceMax);
        b.Property(x => x.HostCity).HasMaxLength(Mission.PlaceMax);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Ignore(x => x.TimeZone);
        b.Ignore(x => x.ReminderDayList);
        b.Ignore(x => x.RegistrationClosesAt);
        b.Ignore(x => x.LinksExpireAt);
        b.Property(x => x.ReminderDays).HasMaxLength(40).HasDefaultValue("7,2");
        b.HasIndex(x => x.StartDate);
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.ToTable("Venues");
        b.Property(x => x.Name).HasMaxLength(Venue.NameMax);
        b.Property(x => x.Address).HasMaxLength(Venue.AddressMax);
        b.Property(x => x.City).HasMaxLength(Mission.PlaceMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(x => x.Name).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.Country).HasMaxLength(Mission.PlaceMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Name }).IsUnique();
    }
}

internal sealed class ProgrammeItemConfiguration : IEntityTypeConfiguration<ProgrammeItem>
{
    public void Configure(EntityTypeBuilder<ProgrammeItem> b)
    {
        b.ToTable("ProgrammeItems");
        b.Property(x => x.Title).HasMaxLength(ProgrammeItem.TitleMax);
        b.Property(x => x.Description).HasMaxLength(ProgrammeItem.DescriptionMax);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        // A venue still used by the programme cannot disappear under it.
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MissionId, x.StartsAt });
        b.Property(x => x.DressCode).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(300);
        b.Property(x => x.AudienceSectors).HasMaxLength(200);
        b.Property(x => x.Carrier).HasMaxLength(100);
        b.Property(x => x.MeetingPoint).HasMaxLength(300);
        b.Property(x => x.SeatOrCoach).HasMaxLength(50);
        b.Ignore(x => x.AudienceSectorList);
        b.HasIndex(x => x.VisitId);
    }
}

internal sealed class ProgrammeItemPersonConfiguration : IEntityTypeConfiguration<ProgrammeItemPerson>
{
    public void Configure(EntityTypeBuilder<ProgrammeItemPerson> b)
    {
        b.ToTable("ProgrammeItemPeople");
        b.HasKey(x => new { x.ProgrammeItemId, x.RegistrationId });
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegistrationId);
    }
}

internal sealed class OrganiserConfiguration : IEntityTypeConfiguration<Organiser>
{
    public void Configure(EntityTypeBuilder<Organiser> b)
    {
        b.ToTable("Organisers");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.HasIndex(x => x.Email).IsUnique();
    }
}

internal sealed class MissionRoleConfiguration : IEntityTypeConfiguration<MissionRole>
{
    public void Configure(EntityTypeBuilder<MissionRole> b)
    {
        b.ToTable("MissionRoles");
        b.HasKey(x => new { x.MissionId, x.OrganiserId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganiserId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> b)
    {
        b.ToTable("SignInLinks");
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Organiser>().WithMany().HasForeignKey(x => x.OrganiserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.Template).HasMaxLength(64);
        b.Property(x => x.ToAddress).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Batch).HasMaxLength(100);
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentType).HasMaxLength(100);
        b.Ignore(x => x.CanResend);
        b.Ignore(x => x.ClaimedBy);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MessageId).IsUnique();
        // The dispatcher's question: which queued messages are due?
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.MissionId, x.CreatedAt });
        b.HasIndex(x => new { x.MissionId, x.Batch });
        // Sending rates count what went out in the last minute or day.
        b.HasIndex(x => x.SentAt);
    }
}

internal sealed class MailDispatchStateConfiguration : IEntityTypeConfiguration<MailDispatchState>
{
    public void Configure(EntityTypeBuilder<MailDispatchState> b)
    {
        b.ToTable("MailDispatchState");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.PauseReason).HasMaxLength(2000);
    }
}

internal sealed class EmailTemplateOverrideConfiguration : IEntityTypeConfiguration<EmailTemplateOverride>
{
    public void Configure(EntityTypeBuilder<EmailTemplateOverride> b)
    {
        b.ToTable("EmailTemplateOverrides");
        b.Property(x => x.Template).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(2000);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Template }).IsUnique();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.Name).HasMaxLength(Invitation.NameMax);
        b.Property(x => x.Organisation).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.Batch).HasMaxLength(100);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Email }).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> b)
    {
        b.ToTable("ReminderRuns");
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Deadline, x.DaysBefore }).IsUnique();
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.ToTable("Registrations");
        b.Property(x => x.Email).HasMaxLength(Organiser.EmailMax);
        b.Property(x => x.Name).HasMaxLength(Registration.NameMax);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Organisation).HasMaxLength(Organisation.NameMax);
        b.Property(x => x.JobTitle).HasMaxLength(200);
        b.Property(x => x.Dietary).HasMaxLength(Registration.TextMax);
        b.Property(x => x.Accessibility).HasMaxLength(Registration.TextMax);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Bio).HasMaxLength(Registration.BioMax);
        b.Property(x => x.DecisionMessage).HasMaxLength(Registration.TextMax);
        b.Ignore(x => x.EffectivePrecedence);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Invitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.SetNull);
        // One registration per person and mission: a second attempt is offered the first.
        b.HasIndex(x => new { x.MissionId, x.Email }).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.Status, x.Arrival });
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}

internal sealed class RegistrationAuditConfiguration : IEntityTypeConfiguration<RegistrationAudit>
{
    public void Configure(EntityTypeBuilder<RegistrationAudit> b)
    {
        b.ToTable("RegistrationAudits");
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegistrationId, x.At });
    }
}

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> b)
    {
        b.ToTable("RegistrationQuestions");
        b.Property(x => x.Prompt).HasMaxLength(RegistrationQuestion.PromptMax);
        b.Property(x => x.Options).HasMaxLength(RegistrationQuestion.OptionsMax * (RegistrationQuestion.OptionMax + 1));
        b.Ignore(x => x.OptionList);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Position });
    }
}

internal sealed class DocumentRunConfiguration : IEntityTypeConfiguration<Domain.Documents.DocumentRun>
{
    public void Configure(EntityTypeBuilder<Domain.Documents.DocumentRun> b)
    {
        b.ToTable("DocumentRuns");
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Ignore(x => x.Folder);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MissionId, x.Kind, x.Version }).IsUnique();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
    }
}

internal sealed class VenueTravelTimeConfiguration : IEntityTypeConfiguration<VenueTravelTime>
{
    public void Configure(EntityTypeBuilder<VenueTravelTime> b)
    {
        b.ToTable("VenueTravelTimes");
        b.HasKey(x => new { x.FromVenueId, x.ToVenueId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.FromVenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.ToVenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
    }
}

internal sealed class ProgrammeChangeConfiguration : IEntityTypeConfiguration<ProgrammeChange>
{
    public void Configure(EntityTypeBuilder<ProgrammeChange> b)
    {
        b.ToTable("ProgrammeChanges");
        b.Property(x => x.Description).HasMaxLength(500);
        b.Ignore(x => x.AffectedIds);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.NotifiedAt, x.MissionId, x.At });
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("Attendances");
        b.HasKey(x => new { x.ProgrammeItemId, x.RegistrationId });
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.RegistrationId);
    }
}

internal sealed class VisitHostConfiguration : IEntityTypeConfiguration<VisitHost>
{
    public void Configure(EntityTypeBuilder<VisitHost> b)
    {
        b.ToTable("VisitHosts");
        b.Property(x => x.Name).HasMaxLength(VisitHost.NameMax);
        b.Property(x => x.ContactName).HasMaxLength(Registration.NameMax);
        b.Property(x => x.ContactEmail).HasMaxLength(320);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(x => x.Title).HasMaxLength(Visit.TitleMax);
        b.Property(x => x.Notes).HasMaxLength(Visit.NotesMax);
        b.Property(x => x.Windows).HasMaxLength(2000);
        b.Property(x => x.HostMessage).HasMaxLength(2000);
        b.Property(x => x.Requirements).HasMaxLength(200);
        b.Ignore(x => x.WindowList);
        b.Ignore(x => x.ScreeningClosesAt);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VisitHost>().WithMany().HasForeignKey(x => x.HostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.HostId);
    }
}

internal sealed class VisitPreferenceConfiguration : IEntityTypeConfiguration<VisitPreference>
{
    public void Configure(EntityTypeBuilder<VisitPreference> b)
    {
        b.ToTable("VisitPreferences");
        b.HasKey(x => new { x.RegistrationId, x.VisitId });
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MissionId);
        b.HasIndex(x => x.VisitId);
    }
}

internal sealed class VisitAssignmentConfiguration : IEntityTypeConfiguration<VisitAssignment>
{
    public void Configure(EntityTypeBuilder<VisitAssignment> b)
    {
        b.ToTable("VisitAssignments");
        b.Ignore(x => x.Group);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegistrationId, x.VisitId }).IsUnique();
        b.HasIndex(x => new { x.MissionId, x.VisitId });
    }
}

internal sealed class VisitPlanConfiguration : IEntityTypeConfiguration<VisitPlan>
{
    public void Configure(EntityTypeBuilder<VisitPlan> b)
    {
        b.ToTable("VisitPlans");
        b.HasKey(x => x.MissionId);
        b.HasOne<Mission>().WithOne().HasForeignKey<VisitPlan>(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CeremonyConfiguration : IEntityTypeConfiguration<Ceremony>
{
    public void Configure(EntityTypeBuilder<Ceremony> b)
    {
        b.ToTable("Ceremonies");
        b.Property(x => x.RoleRanks).HasMaxLength(400);
        b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProgrammeItemId).IsUnique();
        b.HasIndex(x => x.MissionId);
    }
}

internal sealed class CeremonyPartyConfiguration : IEntityTypeConfiguration<CeremonyParty>
{
    public void Configure(EntityTypeBuilder<CeremonyParty> b)
    {
        b.ToTable("CeremonyParties");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CeremonyId, x.Name }).IsUnique();
    }
}

internal sealed class CeremonyPersonConfiguration : IEntityTypeConfiguration<CeremonyPerson>
{
    public void Configure(EntityTypeBuilder<CeremonyPerson> b)
    {
        b.ToTable("CeremonyPeople");
        b.Property(x => x.Name).HasMaxLength(Registration.NameMax);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Ignore(x => x.NeedsConfirmation);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CeremonyParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}

internal sealed class RunOfShowLineConfiguration : IEntityTypeConfiguration<RunOfShowLine>
{
    public void Configure(EntityTypeBuilder<RunOfShowLine> b)
    {
        b.ToTable("RunOfShowLines");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CeremonyId, x.Position });
    }
}

internal sealed class CeremonyAgreementConfiguration : IEntityTypeConfiguration<CeremonyAgreement>
{
    public void Configure(EntityTypeBuilder<CeremonyAgreement> b)
    {
        b.ToTable("CeremonyAgreements");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Languages).HasMaxLength(200);
        b.Property(x => x.BroughtBy).HasMaxLength(200);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
    }
}

internal sealed class CeremonyTaskConfiguration : IEntityTypeConfiguration<CeremonyTask>
{
    public void Configure(EntityTypeBuilder<CeremonyTask> b)
    {
        b.ToTable("CeremonyTasks");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.OwnerEmail).HasMaxLength(320);
        b.HasOne<Ceremony>().WithMany().HasForeignKey(x => x.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CeremonyId);
        b.HasIndex(x => new { x.Done, x.DueDate });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}
