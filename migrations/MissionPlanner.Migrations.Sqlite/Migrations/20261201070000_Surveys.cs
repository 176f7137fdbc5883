using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    programme_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    visit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    intro = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    open_days = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closes_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reminded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_surveys_programme_items_programme_item_id",
                        column: x => x.programme_item_id,
                        principalTable: "programme_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_surveys_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    options = table.Column<string>(type: "TEXT", maxLength: 4020, nullable: false),
                    required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_questions_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_recipients",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    registration_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reminded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answered = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_recipients", x => new { x.survey_id, x.registration_id });
                    table.ForeignKey(
                        name: "fk_survey_recipients_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_recipients_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    registration_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_survey_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    response_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    question_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4020, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_answers", x => new { x.response_id, x.question_id });
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "survey_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_responses_response_id",
                        column: x => x.response_id,
                        principalTable: "survey_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_question_id",
                table: "survey_answers",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_questions_survey_id_position",
                table: "survey_questions",
                columns: new[] { "survey_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_recipients_registration_id",
                table: "survey_recipients",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_mission_id",
                table: "survey_responses",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_registration_id",
                table: "survey_responses",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_survey_id_registration_id",
                table: "survey_responses",
                columns: new[] { "survey_id", "registration_id" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_mission_id_status",
                table: "surveys",
                columns: new[] { "mission_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_programme_item_id",
                table: "surveys",
                column: "programme_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_status",
                table: "surveys",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_visit_id",
                table: "surveys",
                column: "visit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "survey_recipients");

            migrationBuilder.DropTable(
                name: "survey_questions");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "surveys");
        }
    }
}
