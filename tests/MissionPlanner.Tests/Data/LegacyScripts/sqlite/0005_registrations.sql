-- Registrations: each person's place in the delegation (confirmed, or waitlisted in arrival order),
-- their audit trail, and the mission's capacity with the counters that decide places atomically.

ALTER TABLE "missions" ADD COLUMN "capacity" INTEGER NULL;
ALTER TABLE "missions" ADD COLUMN "confirmed_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "missions" ADD COLUMN "registration_sequence" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "registration_audits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_registration_audits" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" TEXT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_registration_audits_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "registrations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_registrations" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "invitation_id" TEXT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NULL,
    "organisation" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "job_title" TEXT NULL,
    "role" TEXT NOT NULL,
    "dietary" TEXT NULL,
    "accessibility" TEXT NULL,
    "consent_photos" INTEGER NOT NULL,
    "consent_listing" INTEGER NOT NULL,
    "consented_at" TEXT NOT NULL,
    "arrival_at" TEXT NULL,
    "arrival_by" TEXT NULL,
    "departure_at" TEXT NULL,
    "departure_by" TEXT NULL,
    "accommodation_needed" INTEGER NOT NULL,
    "emergency_contact" TEXT NULL,
    "precedence_rank" INTEGER NULL,
    "arrival" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "cancelled_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    "erased_at" TEXT NULL,
    CONSTRAINT "fk_registrations_invitations_invitation_id" FOREIGN KEY ("invitation_id") REFERENCES "invitations" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_registrations_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_registration_audits_mission_id" ON "registration_audits" ("mission_id");

CREATE INDEX "ix_registration_audits_registration_id_at" ON "registration_audits" ("registration_id", "at");

CREATE INDEX "ix_registrations_invitation_id" ON "registrations" ("invitation_id");

CREATE UNIQUE INDEX "ix_registrations_mission_id_email" ON "registrations" ("mission_id", "email");

CREATE INDEX "ix_registrations_mission_id_status_arrival" ON "registrations" ("mission_id", "status", "arrival");

CREATE UNIQUE INDEX "ix_registrations_token_hash" ON "registrations" ("token_hash");
