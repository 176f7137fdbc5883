using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Counterparts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counterparts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    topics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    offers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    seeks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    profile = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    listed = table.Column<bool>(type: "INTEGER", nullable: false),
                    availability = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    invited_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    removed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counterparts", x => x.id);
                    table.ForeignKey(
                        name: "fk_counterparts_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_counterparts_mission_id_email",
                table: "counterparts",
                columns: new[] { "mission_id", "email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counterparts");
        }
    }
}
