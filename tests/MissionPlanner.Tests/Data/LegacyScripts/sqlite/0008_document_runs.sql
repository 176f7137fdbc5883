-- Document generations: one row per mission, kind and version, with progress and a claim for the worker.

CREATE TABLE "document_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_document_runs" PRIMARY KEY,
    "mission_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "claimed_at" TEXT NULL,
    "finished_at" TEXT NULL,
    CONSTRAINT "fk_document_runs_missions_mission_id" FOREIGN KEY ("mission_id") REFERENCES "missions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_document_runs_mission_id_kind_version" ON "document_runs" ("mission_id", "kind", "version");

CREATE INDEX "ix_document_runs_status_created_at" ON "document_runs" ("status", "created_at");
