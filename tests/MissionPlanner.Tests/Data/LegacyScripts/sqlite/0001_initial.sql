-- Initial schema: missions, venues, organisations, programme items, organisers and their credentials.
CREATE TABLE "missions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_missions" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "host_country" TEXT NOT NULL,
    "host_city" TEXT NOT NULL,
    "time_zone_id" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "organisers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organisers" PRIMARY KEY,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "disabled_at" TEXT NULL
);

CREATE TABLE "organisations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_organisations_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "venues" (
    "id" TEXT NOT NULL CONSTRAINT "pk_venues" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_venues_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY,
    "organiser_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_api_tokens_organisers_organiser_id" FOREIGN KEY ("organiser_id") REFERENCES "organisers" ("id") ON DELETE CASCADE
);

CREATE TABLE "mission_roles" (
    "mission_id" TEXT NOT NULL,
    "organiser_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "pk_mission_roles" PRIMARY KEY ("mission_id", "organiser_id"),
    CONSTRAINT "fk_mission_roles_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_roles_organisers_organiser_id" FOREIGN KEY ("organiser_id") REFERENCES "organisers" ("id") ON DELETE CASCADE
);

CREATE TABLE "sign_in_links" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sign_in_links" PRIMARY KEY,
    "organiser_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "used_at" TEXT NULL,
    CONSTRAINT "fk_sign_in_links_organisers_organiser_id" FOREIGN KEY ("organiser_id") REFERENCES "organisers" ("id") ON DELETE CASCADE
);

CREATE TABLE "programme_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programme_items" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "venue_id" TEXT NULL,
    "capacity" INTEGER NULL,
    "allows_parallel" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_programme_items_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_programme_items_venues_venue_id" FOREIGN KEY ("venue_id") REFERENCES "venues" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_api_tokens_organiser_id" ON "api_tokens" ("organiser_id");

CREATE UNIQUE INDEX "ix_api_tokens_token_hash" ON "api_tokens" ("token_hash");

CREATE INDEX "ix_mission_roles_organiser_id" ON "mission_roles" ("organiser_id");

CREATE INDEX "ix_missions_start_date" ON "missions" ("start_date");

CREATE UNIQUE INDEX "ix_organisations_mission_id_name" ON "organisations" ("mission_id", "name");

CREATE UNIQUE INDEX "ix_organisers_email" ON "organisers" ("email");

CREATE INDEX "ix_programme_items_mission_id_starts_at" ON "programme_items" ("mission_id", "starts_at");

CREATE INDEX "ix_programme_items_venue_id" ON "programme_items" ("venue_id");

CREATE INDEX "ix_sign_in_links_organiser_id" ON "sign_in_links" ("organiser_id");

CREATE UNIQUE INDEX "ix_sign_in_links_token_hash" ON "sign_in_links" ("token_hash");

CREATE INDEX "ix_venues_mission_id" ON "venues" ("mission_id");
