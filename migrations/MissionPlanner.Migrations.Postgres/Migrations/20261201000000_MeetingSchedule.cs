using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeetingSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "meeting_cap",
                table: "registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "meeting_priority",
                table: "registrations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "meeting_id",
                table: "programme_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "meeting_cap",
                table: "counterparts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "meeting_priority",
                table: "counterparts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "meeting_plans",
                columns: table => new
                {
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_run_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    unplaced = table.Column<string>(type: "text", nullable: false),
                    locked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    changed_since_publish = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_counterparts = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_plans", x => x.mission_id);
                    table.ForeignKey(
                        name: "fk_meeting_plans_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_sessions",
                columns: table => new
                {
                    programme_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_minutes = table.Column<int>(type: "integer", nullable: false),
                    break_minutes = table.Column<int>(type: "integer", nullable: false),
                    tables = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_sessions", x => x.programme_item_id);
                    table.ForeignKey(
                        name: "fk_meeting_sessions_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_sessions_programme_items_programme_item_id",
                        column: x => x.programme_item_id,
                        principalTable: "programme_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counterpart_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    slot = table.Column<int>(type: "integer", nullable: true),
                    table = table.Column<int>(type: "integer", nullable: true),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    must_meet = table.Column<bool>(type: "boolean", nullable: false),
                    arranged = table.Column<bool>(type: "boolean", nullable: false),
                    pinned = table.Column<bool>(type: "boolean", nullable: false),
                    programme_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_counterparts_counterpart_id",
                        column: x => x.counterpart_id,
                        principalTable: "counterparts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meetings_meeting_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "meeting_sessions",
                        principalColumn: "programme_item_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meetings_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meetings_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "meeting_delegates",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_delegates", x => new { x.meeting_id, x.registration_id });
                    table.ForeignKey(
                        name: "fk_meeting_delegates_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_delegates_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_items_meeting_id",
                table: "programme_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_delegates_registration_id",
                table: "meeting_delegates",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_sessions_mission_id",
                table: "meeting_sessions",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_counterpart_id",
                table: "meetings",
                column: "counterpart_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_mission_id_starts_at",
                table: "meetings",
                columns: new[] { "mission_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_session_id",
                table: "meetings",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_venue_id",
                table: "meetings",
                column: "venue_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_delegates");

            migrationBuilder.DropTable(
                name: "meeting_plans");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "meeting_sessions");

            migrationBuilder.DropIndex(
                name: "ix_programme_items_meeting_id",
                table: "programme_items");

            migrationBuilder.DropColumn(
                name: "meeting_cap",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "meeting_priority",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "meeting_id",
                table: "programme_items");

            migrationBuilder.DropColumn(
                name: "meeting_cap",
                table: "counterparts");

            migrationBuilder.DropColumn(
                name: "meeting_priority",
                table: "counterparts");
        }
    }
}
