-- Invitations with personal links, the registration deadline and reminder days of a mission,
-- and the record of which reminders went out.

ALTER TABLE "missions" ADD COLUMN "registration_deadline" TEXT NULL;
ALTER TABLE "missions" ADD COLUMN "reminder_days" TEXT NOT NULL DEFAULT '7,2';
ALTER TABLE "missions" ADD COLUMN "reminder_schedule_set_at" TEXT NULL;

CREATE TABLE "invitations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_invitations" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NULL,
    "batch" TEXT NULL,
    "token_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "responded_at" TEXT NULL,
    "reminders_sent" INTEGER NOT NULL,
    "last_reminded_at" TEXT NULL,
    CONSTRAINT "fk_invitations_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "reminder_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_reminder_runs" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "days_before" INTEGER NOT NULL,
    "recipients" INTEGER NOT NULL,
    "ran_at" TEXT NOT NULL,
    CONSTRAINT "fk_reminder_runs_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_invitations_mission_id_email" ON "invitations" ("mission_id", "email");

CREATE UNIQUE INDEX "ix_invitations_token_hash" ON "invitations" ("token_hash");

CREATE UNIQUE INDEX "ix_reminder_runs_mission_id_deadline_days_before" ON "reminder_runs" ("mission_id", "deadline", "days_before");
