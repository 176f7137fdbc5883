-- Document generations: one row per mission, kind and version, with progress and a claim for the worker.

CREATE TABLE document_runs (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    version integer NOT NULL,
    reason character varying(200) NOT NULL,
    status character varying(16) NOT NULL,
    total integer NOT NULL,
    done integer NOT NULL,
    error character varying(2000),
    created_at timestamp with time zone NOT NULL,
    claimed_at timestamp with time zone,
    finished_at timestamp with time zone,
    CONSTRAINT pk_document_runs PRIMARY KEY (id),
    CONSTRAINT fk_document_runs_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_document_runs_mission_id_kind_version ON document_runs (mission_id, kind, version);

CREATE INDEX ix_document_runs_status_created_at ON document_runs (status, created_at);
