-- Registration form: the organisers' own questions, ID details (encrypted) for screened visits,
-- registration modes (invitation only, open, approval required) and the decision message.

ALTER TABLE "missions" ADD COLUMN "registration_mode" TEXT NOT NULL DEFAULT 'InvitationOnly';
ALTER TABLE "programme_items" ADD COLUMN "requires_id_screening" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "registrations" ADD COLUMN "bio" TEXT NULL;
ALTER TABLE "registrations" ADD COLUMN "answers" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "registrations" ADD COLUMN "id_details" TEXT NULL;
ALTER TABLE "registrations" ADD COLUMN "id_details_purged_at" TEXT NULL;
ALTER TABLE "registrations" ADD COLUMN "decision_message" TEXT NULL;

CREATE TABLE "registration_questions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_registration_questions" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "required" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_registration_questions_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_registration_questions_mission_id_position" ON "registration_questions" ("mission_id", "position");
