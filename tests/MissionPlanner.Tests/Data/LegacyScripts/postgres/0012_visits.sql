-- Visits: hosts, visits with their time windows, participants' preferences, the solver's assignments, the mission's visit plan;
-- published visit groups become programme items linked back to their visit.

CREATE TABLE visit_hosts (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    contact_name character varying(200) NOT NULL,
    contact_email character varying(320) NOT NULL,
    contact_phone character varying(40),
    token_hash character varying(64),
    link_sent_at timestamp with time zone,
    last_reminded_at timestamp with time zone,
    reminders integer NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_visit_hosts PRIMARY KEY (id),
    CONSTRAINT fk_visit_hosts_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE visit_plans (
    mission_id uuid NOT NULL,
    preferences_deadline timestamp with time zone,
    visits_per_participant integer NOT NULL,
    last_run_at timestamp with time zone,
    without_top_choice integer NOT NULL,
    total_rank integer NOT NULL,
    explanations text NOT NULL,
    locked_at timestamp with time zone,
    published_at timestamp with time zone,
    changed_since_publish boolean NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_visit_plans PRIMARY KEY (mission_id),
    CONSTRAINT fk_visit_plans_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE visits (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    host_id uuid NOT NULL,
    venue_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    kind character varying(32) NOT NULL,
    duration_minutes integer NOT NULL,
    min_group_size integer NOT NULL,
    max_group_size integer NOT NULL,
    parallel_groups integer NOT NULL,
    requirements character varying(200) NOT NULL,
    screening_lead_days integer NOT NULL,
    screens_visitors boolean NOT NULL,
    notes character varying(4000) NOT NULL,
    windows character varying(2000) NOT NULL,
    cancelled boolean NOT NULL,
    host_response character varying(16) NOT NULL,
    host_message character varying(2000),
    host_responded_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_visits PRIMARY KEY (id),
    CONSTRAINT fk_visits_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_visits_venues_venue_id FOREIGN KEY (venue_id) REFERENCES venues (id) ON DELETE RESTRICT,
    CONSTRAINT fk_visits_visit_hosts_host_id FOREIGN KEY (host_id) REFERENCES visit_hosts (id) ON DELETE RESTRICT
);

CREATE TABLE visit_assignments (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    visit_id uuid NOT NULL,
    registration_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    group_number integer NOT NULL,
    pinned boolean NOT NULL,
    CONSTRAINT pk_visit_assignments PRIMARY KEY (id),
    CONSTRAINT fk_visit_assignments_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_visit_assignments_registrations_registration_id FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE,
    CONSTRAINT fk_visit_assignments_visits_visit_id FOREIGN KEY (visit_id) REFERENCES visits (id) ON DELETE CASCADE
);

CREATE TABLE visit_preferences (
    registration_id uuid NOT NULL,
    visit_id uuid NOT NULL,
    mission_id uuid NOT NULL,
    rank integer NOT NULL,
    CONSTRAINT pk_visit_preferences PRIMARY KEY (registration_id, visit_id),
    CONSTRAINT fk_visit_preferences_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_visit_preferences_registrations_registration_id FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE,
    CONSTRAINT fk_visit_preferences_visits_visit_id FOREIGN KEY (visit_id) REFERENCES visits (id) ON DELETE CASCADE
);

CREATE INDEX ix_visit_assignments_mission_id_visit_id ON visit_assignments (mission_id, visit_id);

CREATE UNIQUE INDEX ix_visit_assignments_registration_id_visit_id ON visit_assignments (registration_id, visit_id);

CREATE INDEX ix_visit_assignments_visit_id ON visit_assignments (visit_id);

CREATE INDEX ix_visit_hosts_mission_id ON visit_hosts (mission_id);

CREATE UNIQUE INDEX ix_visit_hosts_token_hash ON visit_hosts (token_hash);

CREATE INDEX ix_visit_preferences_mission_id ON visit_preferences (mission_id);

CREATE INDEX ix_visit_preferences_visit_id ON visit_preferences (visit_id);

CREATE INDEX ix_visits_host_id ON visits (host_id);

CREATE INDEX ix_visits_mission_id ON visits (mission_id);

CREATE INDEX ix_visits_venue_id ON visits (venue_id);

ALTER TABLE programme_items ADD visit_id uuid;

ALTER TABLE programme_items ADD visit_group integer;

CREATE INDEX ix_programme_items_visit_id ON programme_items (visit_id);
