using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(RegistrationReopeningData.MarkOwnCancellations(postgres: false));
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
