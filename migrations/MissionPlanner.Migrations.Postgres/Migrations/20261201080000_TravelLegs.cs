using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TravelLegs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "travel_hubs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_hubs", x => x.id);
                    table.ForeignKey(
                        name: "fk_travel_hubs_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "travel_legs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    carrier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    hub_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_end = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    share_mobile = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_legs", x => x.id);
                    table.ForeignKey(
                        name: "fk_travel_legs_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_travel_legs_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_travel_legs_travel_hubs_hub_id",
                        column: x => x.hub_id,
                        principalTable: "travel_hubs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_travel_hubs_mission_id_name",
                table: "travel_hubs",
                columns: new[] { "mission_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_travel_legs_hub_id",
                table: "travel_legs",
                column: "hub_id");

            migrationBuilder.CreateIndex(
                name: "ix_travel_legs_mission_id_scheduled_at",
                table: "travel_legs",
                columns: new[] { "mission_id", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_legs_registration_id_direction",
                table: "travel_legs",
                columns: new[] { "registration_id", "direction" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "travel_legs");

            migrationBuilder.DropTable(
                name: "travel_hubs");
        }
    }
}
