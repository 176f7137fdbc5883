-- The outbox: every email is a row written with the change that causes it; per-mission email template overrides.

CREATE TABLE "email_template_overrides" (
    "id" TEXT NOT NULL CONSTRAINT "pk_email_template_overrides" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_email_template_overrides_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY,
    "mission_id" TEXT NULL,
    "template" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "to_name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "model_json" TEXT NOT NULL,
    "batch" TEXT NULL,
    "message_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "claimed_at" TEXT NULL,
    "claim_token" TEXT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    CONSTRAINT "fk_outbox_messages_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_email_template_overrides_mission_id_template" ON "email_template_overrides" ("mission_id", "template");

CREATE UNIQUE INDEX "ix_outbox_messages_message_id" ON "outbox_messages" ("message_id");

CREATE INDEX "ix_outbox_messages_mission_id_batch" ON "outbox_messages" ("mission_id", "batch");

CREATE INDEX "ix_outbox_messages_mission_id_created_at" ON "outbox_messages" ("mission_id", "created_at");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");
