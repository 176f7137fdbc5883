using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_seeks",
                table: "registrations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_topics",
                table: "registrations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "share_profile",
                table: "registrations",
                type: "boolean",
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
