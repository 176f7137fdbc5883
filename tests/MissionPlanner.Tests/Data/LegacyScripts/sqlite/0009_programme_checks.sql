-- Programme checks: venue opening hours, travel times between venues, and travel-leg details.

ALTER TABLE "venues" ADD COLUMN "opens_at" TEXT NULL;
ALTER TABLE "venues" ADD COLUMN "closes_at" TEXT NULL;
ALTER TABLE "programme_items" ADD COLUMN "travel_mode" TEXT NULL;
ALTER TABLE "programme_items" ADD COLUMN "carrier" TEXT NULL;
ALTER TABLE "programme_items" ADD COLUMN "meeting_point" TEXT NULL;
ALTER TABLE "programme_items" ADD COLUMN "seat_or_coach" TEXT NULL;

CREATE TABLE "venue_travel_times" (
    "from_venue_id" TEXT NOT NULL,
    "to_venue_id" TEXT NOT NULL,
    "mission_id" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    CONSTRAINT "pk_venue_travel_times" PRIMARY KEY ("from_venue_id", "to_venue_id"),
    CONSTRAINT "fk_venue_travel_times_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_venue_travel_times_venues_from_venue_id" FOREIGN KEY ("from_venue_id") REFERENCES "venues" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_venue_travel_times_venues_to_venue_id" FOREIGN KEY ("to_venue_id") REFERENCES "venues" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_venue_travel_times_mission_id" ON "venue_travel_times" ("mission_id");

CREATE INDEX "ix_venue_travel_times_to_venue_id" ON "venue_travel_times" ("to_venue_id");
