using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DelegateMeetingProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_offers",
                table: "registrations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_seeks",
                table: "registrations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_topics",
                table: "registrations",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "share_profile",
                table: "registrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_offers",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "meeting_seeks",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "meeting_topics",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "share_profile",
                table: "registrations");
        }
    }
}
