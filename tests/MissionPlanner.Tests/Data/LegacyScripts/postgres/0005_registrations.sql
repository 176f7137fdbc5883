-- Registrations: each person's place in the delegation (confirmed, or waitlisted in arrival order),
-- their audit trail, and the mission's capacity with the counters that decide places atomically.

ALTER TABLE missions ADD COLUMN capacity integer;
ALTER TABLE missions ADD COLUMN confirmed_count integer NOT NULL DEFAULT 0;
ALTER TABLE missions ADD COLUMN registration_sequence bigint NOT NULL DEFAULT 0;

CREATE TABLE registration_audits (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    registration_id uuid NOT NULL,
    action character varying(40) NOT NULL,
    actor character varying(100) NOT NULL,
    detail character varying(2000),
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_registration_audits PRIMARY KEY (id),
    CONSTRAINT fk_registration_audits_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE registrations (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    invitation_id uuid,
    email character varying(254) NOT NULL,
    name character varying(200) NOT NULL,
    phone character varying(40),
    organisation character varying(200) NOT NULL,
    sector character varying(32) NOT NULL,
    job_title character varying(200),
    role character varying(32) NOT NULL,
    dietary character varying(2000),
    accessibility character varying(2000),
    consent_photos boolean NOT NULL,
    consent_listing boolean NOT NULL,
    consented_at timestamp with time zone NOT NULL,
    arrival_at timestamp with time zone,
    arrival_by text,
    departure_at timestamp with time zone,
    departure_by text,
    accommodation_needed boolean NOT NULL,
    emergency_contact text,
    precedence_rank integer,
    arrival bigint NOT NULL,
    status character varying(16) NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    cancelled_at timestamp with time zone,
    version integer NOT NULL,
    erased_at timestamp with time zone,
    CONSTRAINT pk_registrations PRIMARY KEY (id),
    CONSTRAINT fk_registrations_invitations_invitation_id FOREIGN KEY (invitation_id) REFERENCES invitations (id) ON DELETE SET NULL,
    CONSTRAINT fk_registrations_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE INDEX ix_registration_audits_mission_id ON registration_audits (mission_id);

CREATE INDEX ix_registration_audits_registration_id_at ON registration_audits (registration_id, at);

CREATE INDEX ix_registrations_invitation_id ON registrations (invitation_id);

CREATE UNIQUE INDEX ix_registrations_mission_id_email ON registrations (mission_id, email);

CREATE INDEX ix_registrations_mission_id_status_arrival ON registrations (mission_id, status, arrival);

CREATE UNIQUE INDEX ix_registrations_token_hash ON registrations (token_hash);
