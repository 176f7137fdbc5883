using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Messaging;
using Npgsql;
using Quartz;

namespace MissionPlanner.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Quartz with its job store in the application database (tables from our migrations), clustered
    /// on PostgreSQL so that several nodes share the work and a job runs on one node at a time.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.Enabled)
        {
            return services;
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(Math.Max(1, jobs.MaxConcurrency));
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(ds => ds.DataSourceFactory = _ => NpgsqlDataSource.Create(database.ConnectionString!));
                    store.UseClustering(c => { });
                }
                else
                {
                    store.UseSqlite(ds => ds.DataSourceFactory = sp =>
                        SqliteFactory.Instance.CreateDataSource(
                            MissionPlannerServices.SqliteConnectionString(database, sp.GetRequiredService<DataDirectory>())));
                }
            });

            q.ScheduleJob<OutboxDispatchJob>(
                trigger => trigger.WithIdentity("outbox-dispatch").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(email.PollInterval).RepeatForever()),
                job => job.WithIdentity(OutboxDispatchJob.Key));
            q.ScheduleJob<InvitationRemindersJob>(
                trigger => trigger.WithIdentity("invitation-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()),
                job => job.WithIdentity(InvitationRemindersJob.Key));
            q.ScheduleJob<IdDetailsRetentionJob>(
                trigger => trigger.WithIdentity("id-details-retention").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
                job => job.WithIdentity(IdDetailsRetentionJob.Key));
            q.ScheduleJob<Features.Programme.ProgrammeChangesJob>(
                trigger => trigger.WithIdentity("programme-changes").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
                job => job.WithIdentity(Features.Programme.ProgrammeChangesJob.Key));
            q.ScheduleJob<Features.Visits.HostRemindersJob>(
                trigger => trigger.WithIdentity("host-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()),
                job => job.WithIdentity(Features.Visits.HostRemindersJob.Key));
            q.ScheduleJob<Features.Meetings.MeetingRequestRemindersJob>(
                trigger => trigger.WithIdentity("meeting-request-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()),
                job => job.WithIdentity(Features.Meetings.MeetingRequestRemindersJob.Key));
            q.ScheduleJob<Features.Meetings.MeetingOutcomesJob>(
                trigger => trigger.WithIdentity("meeting-outcomes").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()),
                job => job.WithIdentity(Features.Meetings.MeetingOutcomesJob.Key));
            q.ScheduleJob<Features.Ceremonies.CeremonyRemindersJob>(
                trigger => trigger.WithIdentity("ceremony-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()),
                job => job.WithIdentity(Features.Ceremonies.CeremonyRemindersJob.Key));
            q.ScheduleJob<Features.FollowUp.ActionRemindersJob>(
                trigger => trigger.WithIdentity("action-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
                job => job.WithIdentity(Features.FollowUp.ActionRemindersJob.Key));
            q.ScheduleJob<Features.Surveys.SurveysJob>(
                trigger => trigger.WithIdentity("surveys").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()),
                job => job.WithIdentity(Features.Surveys.SurveysJob.Key));
            q.ScheduleJob<Features.Rooms.RoomBlockRemindersJob>(
                trigger => trigger.WithIdentity("room-block-reminders").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
                job => job.WithIdentity(Features.Rooms.RoomBlockRemindersJob.Key));
            q.ScheduleJob<Features.Letters.VisaLettersJob>(
                trigger => trigger.WithIdentity("visa-letters").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(15)).RepeatForever()),
                job => job.WithIdentity(Features.Letters.VisaLettersJob.Key));
            q.ScheduleJob<Features.Retention.PersonalDataRetentionJob>(
                trigger => trigger.WithIdentity("personal-data-retention").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
                job => job.WithIdentity(Features.Retention.PersonalDataRetentionJob.Key));
            q.ScheduleJob<Features.Documents.DocumentRunsJob>(
                trigger => trigger.WithIdentity("document-runs").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(3)).RepeatForever()),
                job => job.WithIdentity(Features.Documents.DocumentRunsJob.Key).DisallowConcurrentExecution());
        });
        // Not Quartz's hosted service: ours starts the scheduler after the server listens (see SchedulerService).
        services.AddSingleton<SchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
        return services;
    }
}
