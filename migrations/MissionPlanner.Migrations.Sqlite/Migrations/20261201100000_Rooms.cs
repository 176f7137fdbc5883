using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "room_sharing",
                table: "registrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "room_blocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hotel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    room_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    accessible = table.Column<bool>(type: "INTEGER", nullable: false),
                    first_night = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_night = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    rooms_held = table.Column<int>(type: "INTEGER", nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    release_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    booking_reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    check_in_from = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    check_out_by = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    release_reminder_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_room_blocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_room_blocks_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_room_blocks_venues_hotel_id",
                        column: x => x.hotel_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "room_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    block_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    room = table.Column<int>(type: "INTEGER", nullable: false),
                    registration_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    check_in = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    check_out = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_room_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_room_assignments_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_room_assignments_room_blocks_block_id",
                        column: x => x.block_id,
                        principalTable: "room_blocks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_room_assignments_block_id_room",
                table: "room_assignments",
                columns: new[] { "block_id", "room" });

            migrationBuilder.CreateIndex(
                name: "ix_room_assignments_mission_id",
                table: "room_assignments",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_room_assignments_registration_id",
                table: "room_assignments",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_room_blocks_hotel_id",
                table: "room_blocks",
                column: "hotel_id");

            migrationBuilder.CreateIndex(
                name: "ix_room_blocks_mission_id",
                table: "room_blocks",
                column: "mission_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "room_assignments");

            migrationBuilder.DropTable(
                name: "room_blocks");

            migrationBuilder.DropColumn(
                name: "room_sharing",
                table: "registrations");
        }
    }
}
