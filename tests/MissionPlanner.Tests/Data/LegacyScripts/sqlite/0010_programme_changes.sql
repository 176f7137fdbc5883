-- Programme change notifications: changes waiting to be emailed to the people they affect, and one attachment per email (the .ics).

ALTER TABLE "outbox_messages" ADD COLUMN "attachment_name" TEXT NULL;
ALTER TABLE "outbox_messages" ADD COLUMN "attachment_type" TEXT NULL;
ALTER TABLE "outbox_messages" ADD COLUMN "attachment_content" TEXT NULL;

CREATE TABLE "programme_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programme_changes" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "affected" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "notified_at" TEXT NULL,
    CONSTRAINT "fk_programme_changes_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_programme_changes_mission_id" ON "programme_changes" ("mission_id");

CREATE INDEX "ix_programme_changes_notified_at_mission_id_at" ON "programme_changes" ("notified_at", "mission_id", "at");
