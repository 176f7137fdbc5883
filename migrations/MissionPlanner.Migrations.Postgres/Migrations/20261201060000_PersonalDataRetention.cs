using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "purged_at",
                table: "registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "personal_data_kept_until",
                table: "missions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "personal_data_purged_at",
                table: "missions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "personal_data_retention_days",
                table: "missions",
                type: "integer",
                nullable: true);

            // Missions that exist when retention comes in are not purged for 30 days, however long ago
            // they ended: operators get time to set longer periods before anything goes.
            migrationBuilder.Sql("UPDATE missions SET personal_data_kept_until = now() + interval '30 days';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "purged_at",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "personal_data_kept_until",
                table: "missions");

            migrationBuilder.DropColumn(
                name: "personal_data_purged_at",
                table: "missions");

            migrationBuilder.DropColumn(
                name: "personal_data_retention_days",
                table: "missions");
        }
    }
}
