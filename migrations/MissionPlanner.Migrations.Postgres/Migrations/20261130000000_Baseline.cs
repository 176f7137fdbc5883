using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "mail_dispatch_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    paused_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    pause_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    consecutive_throttles = table.Column<int>(type: "integer", nullable: false),
                    claims = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_dispatch_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "missions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    host_country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    host_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    registration_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    reminder_days = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "7,2"),
                    registration_mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    confirmed_count = table.Column<int>(type: "integer", nullable: false),
                    registration_sequence = table.Column<long>(type: "bigint", nullable: false),
                    reminder_schedule_set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_runs_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "email_template_overrides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_template_overrides", x => x.id);
                    table.ForeignKey(
                        name: "fk_email_template_overrides_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminders_sent = table.Column<int>(type: "integer", nullable: false),
                    last_reminded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisations_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    model_json = table.Column<string>(type: "text", nullable: false),
                    batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attachment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    attachment_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attachment_content = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    affected = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    notified_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_changes_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_audits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_audits", x => x.id);
                    table.ForeignKey(
                        name: "fk_registration_audits_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    prompt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    options = table.Column<string>(type: "character varying(6030)", maxLength: 6030, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_registration_questions_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminder_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    days_before = table.Column<int>(type: "integer", nullable: false),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    ran_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminder_runs_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                    table.ForeignKey(
                        name: "fk_venues_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_hosts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    link_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_reminded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminders = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_hosts", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_hosts_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_plans",
                columns: table => new
                {
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    preferences_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    visits_per_participant = table.Column<int>(type: "integer", nullable: false),
                    last_run_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    without_top_choice = table.Column<int>(type: "integer", nullable: false),
                    total_rank = table.Column<int>(type: "integer", nullable: false),
                    explanations = table.Column<string>(type: "text", nullable: false),
                    locked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    changed_since_publish = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_plans", x => x.mission_id);
                    table.ForeignKey(
                        name: "fk_visit_plans_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organiser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_organisers_organiser_id",
                        column: x => x.organiser_id,
                        principalTable: "organisers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mission_roles",
                columns: table => new
                {
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organiser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mission_roles", x => new { x.mission_id, x.organiser_id });
                    table.ForeignKey(
                        name: "fk_mission_roles_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mission_roles_organisers_organiser_id",
                        column: x => x.organiser_id,
                        principalTable: "organisers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organiser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_in_links_organisers_organiser_id",
                        column: x => x.organiser_id,
                        principalTable: "organisers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    job_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bio = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dietary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    accessibility = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    consent_photos = table.Column<bool>(type: "boolean", nullable: false),
                    consent_listing = table.Column<bool>(type: "boolean", nullable: false),
                    consented_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    arrival_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    arrival_by = table.Column<string>(type: "text", nullable: true),
                    departure_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    departure_by = table.Column<string>(type: "text", nullable: true),
                    accommodation_needed = table.Column<bool>(type: "boolean", nullable: false),
                    emergency_contact = table.Column<string>(type: "text", nullable: true),
                    answers = table.Column<string>(type: "text", nullable: false),
                    id_details = table.Column<string>(type: "text", nullable: true),
                    id_details_purged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decision_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    precedence_rank = table.Column<int>(type: "integer", nullable: true),
                    arrival = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    erased_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_registrations_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_registrations_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    allows_parallel = table.Column<bool>(type: "boolean", nullable: false),
                    dress_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    audience_sectors = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    requires_id_screening = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visit_group = table.Column<int>(type: "integer", nullable: true),
                    travel_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    carrier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    meeting_point = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    seat_or_coach = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_items_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_programme_items_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "venue_travel_times",
                columns: table => new
                {
                    from_venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_travel_times", x => new { x.from_venue_id, x.to_venue_id });
                    table.ForeignKey(
                        name: "fk_venue_travel_times_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_venue_travel_times_venues_from_venue_id",
                        column: x => x.from_venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_venue_travel_times_venues_to_venue_id",
                        column: x => x.to_venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    min_group_size = table.Column<int>(type: "integer", nullable: false),
                    max_group_size = table.Column<int>(type: "integer", nullable: false),
                    parallel_groups = table.Column<int>(type: "integer", nullable: false),
                    requirements = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    screening_lead_days = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    windows = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    host_response = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    host_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    host_responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    screens_visitors = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visits_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_visit_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "visit_hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendances",
                columns: table => new
                {
                    programme_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checked_in_by = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendances", x => new { x.programme_item_id, x.registration_id });
                    table.ForeignKey(
                        name: "fk_attendances_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_attendances_programme_items_programme_item_id",
                        column: x => x.programme_item_id,
                        principalTable: "programme_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_attendances_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ceremonies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    convention = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    role_ranks = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    host_party_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seats_per_row = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ceremonies", x => x.id);
                    table.ForeignKey(
                        name: "fk_ceremonies_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ceremonies_programme_items_programme_item_id",
                        column: x => x.programme_item_id,
                        principalTable: "programme_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_item_people",
                columns: table => new
                {
                    programme_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_item_people", x => new { x.programme_item_id, x.registration_id });
                    table.ForeignKey(
                        name: "fk_programme_item_people_programme_items_programme_item_id",
                        column: x => x.programme_item_id,
                        principalTable: "programme_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_programme_item_people_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    group_number = table.Column<int>(type: "integer", nullable: false),
                    pinned = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_assignments_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_assignments_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_assignments_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_preferences",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_preferences", x => new { x.registration_id, x.visit_id });
                    table.ForeignKey(
                        name: "fk_visit_preferences_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_preferences_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_preferences_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ceremony_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    originals = table.Column<int>(type: "integer", nullable: false),
                    brought_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ceremony_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_ceremony_agreements_ceremonies_ceremony_id",
                        column: x => x.ceremony_id,
                        principalTable: "ceremonies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ceremony_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ceremony_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_ceremony_parties_ceremonies_ceremony_id",
                        column: x => x.ceremony_id,
                        principalTable: "ceremonies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ceremony_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ceremony_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_ceremony_tasks_ceremonies_ceremony_id",
                        column: x => x.ceremony_id,
                        principalTable: "ceremonies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_of_show_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ceremony_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    gap_before_minutes = table.Column<int>(type: "integer", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_of_show_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_of_show_lines_ceremonies_ceremony_id",
                        column: x => x.ceremony_id,
                        principalTable: "ceremonies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ceremony_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    tie_break = table.Column<int>(type: "integer", nullable: true),
                    speaks = table.Column<bool>(type: "boolean", nullable: false),
                    confirmation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_reminded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminders = table.Column<int>(type: "integer", nullable: false),
                    responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ceremony_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_ceremony_people_ceremonies_ceremony_id",
                        column: x => x.ceremony_id,
                        principalTable: "ceremonies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ceremony_people_ceremony_parties_party_id",
                        column: x => x.party_id,
                        principalTable: "ceremony_parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ceremony_people_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "mail_dispatch_state",
                columns: new[] { "id", "claims", "consecutive_throttles", "pause_reason", "paused_until" },
                values: new object[] { 1, 0L, 0, null, null });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_organiser_id",
                table: "api_tokens",
                column: "organiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attendances_mission_id",
                table: "attendances",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_registration_id",
                table: "attendances",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremonies_mission_id",
                table: "ceremonies",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremonies_programme_item_id",
                table: "ceremonies",
                column: "programme_item_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_agreements_ceremony_id",
                table: "ceremony_agreements",
                column: "ceremony_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_parties_ceremony_id_name",
                table: "ceremony_parties",
                columns: new[] { "ceremony_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_people_ceremony_id",
                table: "ceremony_people",
                column: "ceremony_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_people_party_id",
                table: "ceremony_people",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_people_registration_id",
                table: "ceremony_people",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_people_token_hash",
                table: "ceremony_people",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_tasks_ceremony_id",
                table: "ceremony_tasks",
                column: "ceremony_id");

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_tasks_done_due_date",
                table: "ceremony_tasks",
                columns: new[] { "done", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_document_runs_mission_id_kind_version",
                table: "document_runs",
                columns: new[] { "mission_id", "kind", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_runs_status_created_at",
                table: "document_runs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_email_template_overrides_mission_id_template",
                table: "email_template_overrides",
                columns: new[] { "mission_id", "template" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_mission_id_email",
                table: "invitations",
                columns: new[] { "mission_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mission_roles_organiser_id",
                table: "mission_roles",
                column: "organiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_missions_start_date",
                table: "missions",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_mission_id_name",
                table: "organisations",
                columns: new[] { "mission_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisers_email",
                table: "organisers",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_mission_id_batch",
                table: "outbox_messages",
                columns: new[] { "mission_id", "batch" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_mission_id_created_at",
                table: "outbox_messages",
                columns: new[] { "mission_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_programme_changes_mission_id",
                table: "programme_changes",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_changes_notified_at_mission_id_at",
                table: "programme_changes",
                columns: new[] { "notified_at", "mission_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_programme_item_people_registration_id",
                table: "programme_item_people",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_items_mission_id_starts_at",
                table: "programme_items",
                columns: new[] { "mission_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_programme_items_venue_id",
                table: "programme_items",
                column: "venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_items_visit_id",
                table: "programme_items",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_registration_audits_mission_id",
                table: "registration_audits",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_registration_audits_registration_id_at",
                table: "registration_audits",
                columns: new[] { "registration_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_registration_questions_mission_id_position",
                table: "registration_questions",
                columns: new[] { "mission_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_invitation_id",
                table: "registrations",
                column: "invitation_id");

            migrationBuilder.CreateIndex(
                name: "ix_registrations_mission_id_email",
                table: "registrations",
                columns: new[] { "mission_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registrations_mission_id_status_arrival",
                table: "registrations",
                columns: new[] { "mission_id", "status", "arrival" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_token_hash",
                table: "registrations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reminder_runs_mission_id_deadline_days_before",
                table: "reminder_runs",
                columns: new[] { "mission_id", "deadline", "days_before" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_of_show_lines_ceremony_id_position",
                table: "run_of_show_lines",
                columns: new[] { "ceremony_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_links_organiser_id",
                table: "sign_in_links",
                column: "organiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_links_token_hash",
                table: "sign_in_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_venue_travel_times_mission_id",
                table: "venue_travel_times",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_venue_travel_times_to_venue_id",
                table: "venue_travel_times",
                column: "to_venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_venues_mission_id",
                table: "venues",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_assignments_mission_id_visit_id",
                table: "visit_assignments",
                columns: new[] { "mission_id", "visit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_assignments_registration_id_visit_id",
                table: "visit_assignments",
                columns: new[] { "registration_id", "visit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visit_assignments_visit_id",
                table: "visit_assignments",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_hosts_mission_id",
                table: "visit_hosts",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_hosts_token_hash",
                table: "visit_hosts",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visit_preferences_mission_id",
                table: "visit_preferences",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_preferences_visit_id",
                table: "visit_preferences",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_host_id",
                table: "visits",
                column: "host_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_mission_id",
                table: "visits",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_venue_id",
                table: "visits",
                column: "venue_id");

            // The job store, from the schema Quartz.NET ships (QuartzJobStore.sql): Quartz runs no DDL at start-up.
            migrationBuilder.Sql(QuartzJobStore.CreateScript());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzJobStore.DropScript());

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "attendances");

            migrationBuilder.DropTable(
                name: "ceremony_agreements");

            migrationBuilder.DropTable(
                name: "ceremony_people");

            migrationBuilder.DropTable(
                name: "ceremony_tasks");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "document_runs");

            migrationBuilder.DropTable(
                name: "email_template_overrides");

            migrationBuilder.DropTable(
                name: "mail_dispatch_state");

            migrationBuilder.DropTable(
                name: "mission_roles");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "programme_changes");

            migrationBuilder.DropTable(
                name: "programme_item_people");

            migrationBuilder.DropTable(
                name: "registration_audits");

            migrationBuilder.DropTable(
                name: "registration_questions");

            migrationBuilder.DropTable(
                name: "reminder_runs");

            migrationBuilder.DropTable(
                name: "run_of_show_lines");

            migrationBuilder.DropTable(
                name: "sign_in_links");

            migrationBuilder.DropTable(
                name: "venue_travel_times");

            migrationBuilder.DropTable(
                name: "visit_assignments");

            migrationBuilder.DropTable(
                name: "visit_plans");

            migrationBuilder.DropTable(
                name: "visit_preferences");

            migrationBuilder.DropTable(
                name: "ceremony_parties");

            migrationBuilder.DropTable(
                name: "organisers");

            migrationBuilder.DropTable(
                name: "registrations");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "ceremonies");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "visit_hosts");

            migrationBuilder.DropTable(
                name: "programme_items");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropTable(
                name: "missions");
        }
    }
}
