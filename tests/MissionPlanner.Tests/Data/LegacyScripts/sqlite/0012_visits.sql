-- Visits: hosts, visits with their time windows, participants' preferences, the solver's assignments, the mission's visit plan;
-- published visit groups become programme items linked back to their visit.

CREATE TABLE "visit_hosts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_visit_hosts" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "contact_phone" TEXT NULL,
    "token_hash" TEXT NULL,
    "link_sent_at" TEXT NULL,
    "last_reminded_at" TEXT NULL,
    "reminders" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_visit_hosts_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "visit_plans" (
    "mission_id" TEXT NOT NULL CONSTRAINT "pk_visit_plans" PRIMARY KEY,
    "preferences_deadline" TEXT NULL,
    "visits_per_participant" INTEGER NOT NULL,
    "last_run_at" TEXT NULL,
    "without_top_choice" INTEGER NOT NULL,
    "total_rank" INTEGER NOT NULL,
    "explanations" TEXT NOT NULL,
    "locked_at" TEXT NULL,
    "published_at" TEXT NULL,
    "changed_since_publish" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_visit_plans_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "visits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_visits" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "min_group_size" INTEGER NOT NULL,
    "max_group_size" INTEGER NOT NULL,
    "parallel_groups" INTEGER NOT NULL,
    "requirements" TEXT NOT NULL,
    "screening_lead_days" INTEGER NOT NULL,
    "screens_visitors" INTEGER NOT NULL,
    "notes" TEXT NOT NULL,
    "windows" TEXT NOT NULL,
    "cancelled" INTEGER NOT NULL,
    "host_response" TEXT NOT NULL,
    "host_message" TEXT NULL,
    "host_responded_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_visits_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_visits_venues_venue_id" FOREIGN KEY ("venue_id") REFERENCES "venues" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_visits_visit_hosts_host_id" FOREIGN KEY ("host_id") REFERENCES "visit_hosts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "visit_assignments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_visit_assignments" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "visit_id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "group_number" INTEGER NOT NULL,
    "pinned" INTEGER NOT NULL,
    CONSTRAINT "fk_visit_assignments_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_visit_assignments_registrations_registration_id" FOREIGN KEY ("registration_id") REFERENCES "registrations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_visit_assignments_visits_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visits" ("id") ON DELETE CASCADE
);

CREATE TABLE "visit_preferences" (
    "registration_id" TEXT NOT NULL,
    "visit_id" TEXT NOT NULL,
    "mission_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    CONSTRAINT "pk_visit_preferences" PRIMARY KEY ("registration_id", "visit_id"),
    CONSTRAINT "fk_visit_preferences_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_visit_preferences_registrations_registration_id" FOREIGN KEY ("registration_id") REFERENCES "registrations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_visit_preferences_visits_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visits" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_visit_assignments_mission_id_visit_id" ON "visit_assignments" ("mission_id", "visit_id");

CREATE UNIQUE INDEX "ix_visit_assignments_registration_id_visit_id" ON "visit_assignments" ("registration_id", "visit_id");

CREATE INDEX "ix_visit_assignments_visit_id" ON "visit_assignments" ("visit_id");

CREATE INDEX "ix_visit_hosts_mission_id" ON "visit_hosts" ("mission_id");

CREATE UNIQUE INDEX "ix_visit_hosts_token_hash" ON "visit_hosts" ("token_hash");

CREATE INDEX "ix_visit_preferences_mission_id" ON "visit_preferences" ("mission_id");

CREATE INDEX "ix_visit_preferences_visit_id" ON "visit_preferences" ("visit_id");

CREATE INDEX "ix_visits_host_id" ON "visits" ("host_id");

CREATE INDEX "ix_visits_mission_id" ON "visits" ("mission_id");

CREATE INDEX "ix_visits_venue_id" ON "visits" ("venue_id");

ALTER TABLE "programme_items" ADD COLUMN "visit_id" TEXT NULL;

ALTER TABLE "programme_items" ADD COLUMN "visit_group" INTEGER NULL;

CREATE INDEX "ix_programme_items_visit_id" ON "programme_items" ("visit_id");
