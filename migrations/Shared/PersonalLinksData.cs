namespace MissionPlanner.Migrations;

/// <summary>
/// The data half of the PersonalLinks migration, for both databases: the link hashes that invitations,
/// registrations, hosts and ceremony guests held in their own token_hash columns become rows of
/// personal_links (so links already emailed keep working), and back again on Down.
/// Expiry is computed here from the mission's dates by the default rules (registration links 90 days
/// after the mission's last day, the others 7), without time zones (SQLite has none, and a zone the
/// database server does not know must not stop the upgrade): the latest any zone could give (UTC
/// midnight after the last day plus 12 hours), never earlier than the rule. The app stamps them
/// exactly, by its configured rule in the mission's zone, right after (Features/Links/PersonalLinkFollowUp).
/// </summary>
internal static class PersonalLinksData
{
    public static string CopyIntoLinks(bool postgres)
    {
        // SQLite: a random id per row in EF's text form of a Guid (upper-case hex, 8-4-4-4-12).
        var id = postgres
            ? "gen_random_uuid()"
            : "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))";
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        string Expiry(int days) => postgres
            ? $"((m.end_date + {days + 1})::timestamp + interval '12 hours') AT TIME ZONE 'UTC'"
            : $"datetime(m.end_date, '+{days + 1} days', '+12 hours')";
        const string Columns = "id, mission_id, purpose, subject_id, token_hash, created_at, expires_at, revoked_at, revoked_reason";
        return $"""
            INSERT INTO personal_links ({Columns})
            SELECT {id}, i.mission_id, 'Invitation', i.id, i.token_hash, i.created_at, {Expiry(7)},
                   CASE WHEN i.status = 'Revoked' THEN {now} END,
                   CASE WHEN i.email LIKE 'erased-%@erased.invalid' THEN 'the person''s data was erased'
                        WHEN i.status = 'Revoked' THEN 'the invitation was withdrawn' END
            FROM invitations i JOIN missions m ON m.id = i.mission_id;

            INSERT INTO personal_links ({Columns})
            SELECT {id}, r.mission_id, 'Registration', r.id, r.token_hash, r.updated_at, {Expiry(90)},
                   r.erased_at, CASE WHEN r.erased_at IS NOT NULL THEN 'the person''s data was erased' END
            FROM registrations r JOIN missions m ON m.id = r.mission_id;

            INSERT INTO personal_links ({Columns})
            SELECT {id}, h.mission_id, 'Host', h.id, h.token_hash, COALESCE(h.last_reminded_at, h.link_sent_at, {now}), {Expiry(7)}, NULL, NULL
            FROM visit_hosts h JOIN missions m ON m.id = h.mission_id
            WHERE h.token_hash IS NOT NULL;

            INSERT INTO personal_links ({Columns})
            SELECT {id}, c.mission_id, 'CeremonyConfirmation', p.id, p.token_hash, COALESCE(p.last_reminded_at, p.asked_at, {now}), {Expiry(7)}, NULL, NULL
            FROM ceremony_people p JOIN ceremonies c ON c.id = p.ceremony_id JOIN missions m ON m.id = c.mission_id
            WHERE p.token_hash IS NOT NULL;
            """;
    }

    /// <summary>
    /// Each subject's newest usable link back into its own column (the columns are back, empty); a
    /// registration or invitation without one gets a random hash that no link matches.
    /// </summary>
    public static string CopyBack(bool postgres)
    {
        var random = postgres ? "md5(random()::text) || md5(random()::text)" : "lower(hex(randomblob(32)))";
        string Newest(string table, string purpose) => $"""
            (SELECT l.token_hash FROM personal_links l
             WHERE l.subject_id = {table}.id AND l.purpose = '{purpose}' AND l.revoked_at IS NULL
             ORDER BY l.created_at DESC LIMIT 1)
            """;
        return $"""
            UPDATE invitations SET token_hash = COALESCE({Newest("invitations", "Invitation")}, {random}),
                expires_at = COALESCE((SELECT MAX(l.expires_at) FROM personal_links l WHERE l.subject_id = invitations.id AND l.purpose = 'Invitation'), created_at);
            UPDATE registrations SET token_hash = COALESCE({Newest("registrations", "Registration")}, {random});
            UPDATE visit_hosts SET token_hash = {Newest("visit_hosts", "Host")};
            UPDATE ceremony_people SET token_hash = {Newest("ceremony_people", "CeremonyConfirmation")};
            """;
    }
}
