using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationReopening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cancelled_by_participant",
                table: "registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(RegistrationReopeningData.MarkOwnCancellations(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancelled_by_participant",
                table: "registrations");
        }
    }
}
