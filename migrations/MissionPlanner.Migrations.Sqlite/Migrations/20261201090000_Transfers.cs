using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transfer_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hub_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    meeting_point = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    vehicle_capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    max_wait_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    buffer_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    drive_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_services_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_transfer_services_travel_hubs_hub_id",
                        column: x => x.hub_id,
                        principalTable: "travel_hubs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_runs_transfer_services_service_id",
                        column: x => x.service_id,
                        principalTable: "transfer_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transfer_passengers",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    registration_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_passengers", x => new { x.run_id, x.registration_id });
                    table.ForeignKey(
                        name: "fk_transfer_passengers_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_transfer_passengers_transfer_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "transfer_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_passengers_registration_id",
                table: "transfer_passengers",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_runs_service_id_number",
                table: "transfer_runs",
                columns: new[] { "service_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_services_hub_id",
                table: "transfer_services",
                column: "hub_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_services_mission_id",
                table: "transfer_services",
                column: "mission_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_passengers");

            migrationBuilder.DropTable(
                name: "transfer_runs");

            migrationBuilder.DropTable(
                name: "transfer_services");
        }
    }
}
