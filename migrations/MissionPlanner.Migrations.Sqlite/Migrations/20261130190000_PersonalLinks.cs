using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "personal_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_personal_links_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_personal_links_mission_id",
                table: "personal_links",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_personal_links_purpose_key_id",
                table: "personal_links",
                columns: new[] { "purpose", "key_id" });

            migrationBuilder.CreateIndex(
                name: "ix_personal_links_subject_id_purpose",
                table: "personal_links",
                columns: new[] { "subject_id", "purpose" });

            migrationBuilder.CreateIndex(
                name: "ix_personal_links_token_hash",
                table: "personal_links",
                column: "token_hash",
                unique: true);

            // Links already emailed keep working: their hashes move before the columns go.
            migrationBuilder.Sql(PersonalLinksData.CopyIntoLinks(postgres: false));

            migrationBuilder.DropIndex(
                name: "ix_visit_hosts_token_hash",
                table: "visit_hosts");

            migrationBuilder.DropIndex(
                name: "ix_registrations_token_hash",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_token_hash",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_ceremony_people_token_hash",
                table: "ceremony_people");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "visit_hosts");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "ceremony_people");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "visit_hosts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "registrations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "expires_at",
                table: "invitations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "invitations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "ceremony_people",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(PersonalLinksData.CopyBack(postgres: false));

            migrationBuilder.CreateIndex(
                name: "ix_visit_hosts_token_hash",
                table: "visit_hosts",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registrations_token_hash",
                table: "registrations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ceremony_people_token_hash",
                table: "ceremony_people",
                column: "token_hash",
                unique: true);

            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "personal_links");
        }
    }
}
