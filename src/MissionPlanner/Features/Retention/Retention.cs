using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.Retention;

/// <summary>
/// How long a mission keeps personal data, when it goes, and what it holds now.
/// </summary>
/// <param name="Days">Days after the mission's last day; <paramref name="IsDefault"/> when it is the installation's default.</param>
/// <param name="PurgeDueAt">The instant (UTC) the purge is due; <paramref name="PurgeOn"/> the day in the mission's time zone.</param>
/// <param name="PurgedAt">When it was purged; then the counts below are what remains (zero).</param>
/// <param name="Registrations">Registrations still holding a name, address and answers.</param>
/// <param name="Invitations">Invitations still holding an address.</param>
/// <param name="Emails">Emails still holding their recipient and text.</param>
/// <param name="CeremonyGuests">Ceremony places still naming a person.</param>
/// <param name="Counterparts">Counterparts still holding a name and address.</param>
public sealed record RetentionView(
    int Days, bool IsDefault, DateTime PurgeDueAt, DateOnly PurgeOn, DateTime? PurgedAt,
    int Registrations, int Invitations, int Emails, int CeremonyGuests, int Counterparts);

/// <summary>Runs the purge of personal data every hour.</summary>
public sealed class PersonalDataRetentionJob(IServiceScopeFactory scopes, ILogger<PersonalDataRetentionJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("personal-data-retention");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new PurgePersonalDataCommand(), ct);
}
