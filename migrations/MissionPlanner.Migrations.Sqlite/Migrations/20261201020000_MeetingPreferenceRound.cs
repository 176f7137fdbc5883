using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingPreferenceRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "preference_round",
                table: "meeting_plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "preferences_deadline",
                table: "meeting_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "requests_open",
                table: "meeting_plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // Plans made before the preference round existed took requests.

            migrationBuilder.CreateTable(
                name: "meeting_preferences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    delegate_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterpart_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    interest = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_preferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_preferences_counterparts_counterpart_id",
                        column: x => x.counterpart_id,
                        principalTable: "counterparts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_preferences_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_preferences_registrations_delegate_id",
                        column: x => x.delegate_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_preferences_counterpart_id",
                table: "meeting_preferences",
                column: "counterpart_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_preferences_delegate_id",
                table: "meeting_preferences",
                column: "delegate_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_preferences_mission_id_delegate_id_counterpart_id_from",
                table: "meeting_preferences",
                columns: new[] { "mission_id", "delegate_id", "counterpart_id", "from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_preferences");

            migrationBuilder.DropColumn(
                name: "preference_round",
                table: "meeting_plans");

            migrationBuilder.DropColumn(
                name: "preferences_deadline",
                table: "meeting_plans");

            migrationBuilder.DropColumn(
                name: "requests_open",
                table: "meeting_plans");
        }
    }
}
