-- The dispatcher's shared state: a pause every node honours when the mail server says it is sent to too fast,
-- and the row a claim locks so that sending rates hold across nodes; sent messages by time for those rates.

CREATE TABLE "mail_dispatch_state" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mail_dispatch_state" PRIMARY KEY,
    "paused_until" TEXT NULL,
    "pause_reason" TEXT NULL,
    "consecutive_throttles" INTEGER NOT NULL,
    "claims" INTEGER NOT NULL
);

INSERT INTO "mail_dispatch_state" ("id", "paused_until", "pause_reason", "consecutive_throttles", "claims") VALUES (1, NULL, NULL, 0, 0);

CREATE INDEX "ix_outbox_messages_sent_at" ON "outbox_messages" ("sent_at");
