-- Signing ceremonies: parties, people with their protocol ranks and confirmation links, the run of show, agreements and the checklist.

CREATE TABLE ceremonies (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    programme_item_id uuid NOT NULL,
    convention character varying(32) NOT NULL,
    role_ranks character varying(400) NOT NULL,
    host_party_id uuid,
    seats_per_row integer NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_ceremonies PRIMARY KEY (id),
    CONSTRAINT fk_ceremonies_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_ceremonies_programme_items_programme_item_id FOREIGN KEY (programme_item_id) REFERENCES programme_items (id) ON DELETE CASCADE
);

CREATE TABLE ceremony_agreements (
    id uuid NOT NULL,
    ceremony_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    languages character varying(200) NOT NULL,
    originals integer NOT NULL,
    brought_by character varying(200),
    status character varying(16) NOT NULL,
    CONSTRAINT pk_ceremony_agreements PRIMARY KEY (id),
    CONSTRAINT fk_ceremony_agreements_ceremonies_ceremony_id FOREIGN KEY (ceremony_id) REFERENCES ceremonies (id) ON DELETE CASCADE
);

CREATE TABLE ceremony_parties (
    id uuid NOT NULL,
    ceremony_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    CONSTRAINT pk_ceremony_parties PRIMARY KEY (id),
    CONSTRAINT fk_ceremony_parties_ceremonies_ceremony_id FOREIGN KEY (ceremony_id) REFERENCES ceremonies (id) ON DELETE CASCADE
);

CREATE TABLE ceremony_tasks (
    id uuid NOT NULL,
    ceremony_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    owner character varying(200) NOT NULL,
    owner_email character varying(320) NOT NULL,
    due_date date NOT NULL,
    done boolean NOT NULL,
    done_at timestamp with time zone,
    reminded_at timestamp with time zone,
    CONSTRAINT pk_ceremony_tasks PRIMARY KEY (id),
    CONSTRAINT fk_ceremony_tasks_ceremonies_ceremony_id FOREIGN KEY (ceremony_id) REFERENCES ceremonies (id) ON DELETE CASCADE
);

CREATE TABLE run_of_show_lines (
    id uuid NOT NULL,
    ceremony_id uuid NOT NULL,
    position integer NOT NULL,
    title character varying(200) NOT NULL,
    owner character varying(200),
    gap_before_minutes integer NOT NULL,
    minutes integer NOT NULL,
    CONSTRAINT pk_run_of_show_lines PRIMARY KEY (id),
    CONSTRAINT fk_run_of_show_lines_ceremonies_ceremony_id FOREIGN KEY (ceremony_id) REFERENCES ceremonies (id) ON DELETE CASCADE
);

CREATE TABLE ceremony_people (
    id uuid NOT NULL,
    ceremony_id uuid NOT NULL,
    role character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    title character varying(200),
    organisation character varying(200) NOT NULL,
    email character varying(320),
    registration_id uuid,
    party_id uuid,
    rank integer,
    tie_break integer,
    speaks boolean NOT NULL,
    confirmation character varying(16) NOT NULL,
    token_hash character varying(64),
    asked_at timestamp with time zone,
    last_reminded_at timestamp with time zone,
    reminders integer NOT NULL,
    responded_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_ceremony_people PRIMARY KEY (id),
    CONSTRAINT fk_ceremony_people_ceremonies_ceremony_id FOREIGN KEY (ceremony_id) REFERENCES ceremonies (id) ON DELETE CASCADE,
    CONSTRAINT fk_ceremony_people_ceremony_parties_party_id FOREIGN KEY (party_id) REFERENCES ceremony_parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_ceremony_people_registrations_registration_id FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
);

CREATE INDEX ix_ceremonies_mission_id ON ceremonies (mission_id);

CREATE UNIQUE INDEX ix_ceremonies_programme_item_id ON ceremonies (programme_item_id);

CREATE INDEX ix_ceremony_agreements_ceremony_id ON ceremony_agreements (ceremony_id);

CREATE UNIQUE INDEX ix_ceremony_parties_ceremony_id_name ON ceremony_parties (ceremony_id, name);

CREATE INDEX ix_ceremony_people_ceremony_id ON ceremony_people (ceremony_id);

CREATE INDEX ix_ceremony_people_party_id ON ceremony_people (party_id);

CREATE INDEX ix_ceremony_people_registration_id ON ceremony_people (registration_id);

CREATE UNIQUE INDEX ix_ceremony_people_token_hash ON ceremony_people (token_hash);

CREATE INDEX ix_ceremony_tasks_ceremony_id ON ceremony_tasks (ceremony_id);

CREATE INDEX ix_ceremony_tasks_done_due_date ON ceremony_tasks (done, due_date);

CREATE INDEX ix_run_of_show_lines_ceremony_id_position ON run_of_show_lines (ceremony_id, position);
