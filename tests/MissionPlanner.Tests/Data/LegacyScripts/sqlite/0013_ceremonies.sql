-- Signing ceremonies: parties, people with their protocol ranks and confirmation links, the run of show, agreements and the checklist.

CREATE TABLE "ceremonies" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ceremonies" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "programme_item_id" TEXT NOT NULL,
    "convention" TEXT NOT NULL,
    "role_ranks" TEXT NOT NULL,
    "host_party_id" TEXT NULL,
    "seats_per_row" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_ceremonies_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_ceremonies_programme_items_programme_item_id" FOREIGN KEY ("programme_item_id") REFERENCES "programme_items" ("id") ON DELETE CASCADE
);

CREATE TABLE "ceremony_agreements" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ceremony_agreements" PRIMARY KEY,
    "ceremony_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "originals" INTEGER NOT NULL,
    "brought_by" TEXT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "fk_ceremony_agreements_ceremonies_ceremony_id" FOREIGN KEY ("ceremony_id") REFERENCES "ceremonies" ("id") ON DELETE CASCADE
);

CREATE TABLE "ceremony_parties" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ceremony_parties" PRIMARY KEY,
    "ceremony_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_ceremony_parties_ceremonies_ceremony_id" FOREIGN KEY ("ceremony_id") REFERENCES "ceremonies" ("id") ON DELETE CASCADE
);

CREATE TABLE "ceremony_tasks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ceremony_tasks" PRIMARY KEY,
    "ceremony_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "owner_email" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "done_at" TEXT NULL,
    "reminded_at" TEXT NULL,
    CONSTRAINT "fk_ceremony_tasks_ceremonies_ceremony_id" FOREIGN KEY ("ceremony_id") REFERENCES "ceremonies" ("id") ON DELETE CASCADE
);

CREATE TABLE "run_of_show_lines" (
    "id" TEXT NOT NULL CONSTRAINT "pk_run_of_show_lines" PRIMARY KEY,
    "ceremony_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NULL,
    "gap_before_minutes" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    CONSTRAINT "fk_run_of_show_lines_ceremonies_ceremony_id" FOREIGN KEY ("ceremony_id") REFERENCES "ceremonies" ("id") ON DELETE CASCADE
);

CREATE TABLE "ceremony_people" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ceremony_people" PRIMARY KEY,
    "ceremony_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NULL,
    "organisation" TEXT NOT NULL,
    "email" TEXT NULL,
    "registration_id" TEXT NULL,
    "party_id" TEXT NULL,
    "rank" INTEGER NULL,
    "tie_break" INTEGER NULL,
    "speaks" INTEGER NOT NULL,
    "confirmation" TEXT NOT NULL,
    "token_hash" TEXT NULL,
    "asked_at" TEXT NULL,
    "last_reminded_at" TEXT NULL,
    "reminders" INTEGER NOT NULL,
    "responded_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_ceremony_people_ceremonies_ceremony_id" FOREIGN KEY ("ceremony_id") REFERENCES "ceremonies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_ceremony_people_ceremony_parties_party_id" FOREIGN KEY ("party_id") REFERENCES "ceremony_parties" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_ceremony_people_registrations_registration_id" FOREIGN KEY ("registration_id") REFERENCES "registrations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_ceremonies_mission_id" ON "ceremonies" ("mission_id");

CREATE UNIQUE INDEX "ix_ceremonies_programme_item_id" ON "ceremonies" ("programme_item_id");

CREATE INDEX "ix_ceremony_agreements_ceremony_id" ON "ceremony_agreements" ("ceremony_id");

CREATE UNIQUE INDEX "ix_ceremony_parties_ceremony_id_name" ON "ceremony_parties" ("ceremony_id", "name");

CREATE INDEX "ix_ceremony_people_ceremony_id" ON "ceremony_people" ("ceremony_id");

CREATE INDEX "ix_ceremony_people_party_id" ON "ceremony_people" ("party_id");

CREATE INDEX "ix_ceremony_people_registration_id" ON "ceremony_people" ("registration_id");

CREATE UNIQUE INDEX "ix_ceremony_people_token_hash" ON "ceremony_people" ("token_hash");

CREATE INDEX "ix_ceremony_tasks_ceremony_id" ON "ceremony_tasks" ("ceremony_id");

CREATE INDEX "ix_ceremony_tasks_done_due_date" ON "ceremony_tasks" ("done", "due_date");

CREATE INDEX "ix_run_of_show_lines_ceremony_id_position" ON "run_of_show_lines" ("ceremony_id", "position");
