namespace MissionPlanner.Migrations;

/// <summary>
/// The data half of the RegistrationReopening migration, for both databases: a registration the
/// person cancelled themselves (its latest "cancelled" history line is theirs) is marked so, and can
/// be reopened by registering again (RegistrationLifecycle).
/// </summary>
internal static class RegistrationReopeningData
{
    public static string MarkOwnCancellations(bool postgres) => $"""
        UPDATE registrations SET cancelled_by_participant = {(postgres ? "true" : "1")}
        WHERE status = 'Cancelled' AND erased_at IS NULL
          AND (SELECT a.actor FROM registration_audits a
               WHERE a.registration_id = registrations.id AND a.action = 'cancelled'
               ORDER BY a.at DESC LIMIT 1) = 'participant';
        """;
}
