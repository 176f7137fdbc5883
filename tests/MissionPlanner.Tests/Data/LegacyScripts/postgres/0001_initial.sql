-- Initial schema: missions, venues, organisations, programme items, organisers and their credentials.
CREATE TABLE missions (
    id uuid NOT NULL,
    title character varying(200) NOT NULL,
    summary character varying(4000) NOT NULL,
    host_country character varying(100) NOT NULL,
    host_city character varying(100) NOT NULL,
    time_zone_id character varying(64) NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    status character varying(32) NOT NULL,
    is_demo boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_missions PRIMARY KEY (id)
);

CREATE TABLE organisers (
    id uuid NOT NULL,
    email character varying(254) NOT NULL,
    display_name character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    disabled_at timestamp with time zone,
    CONSTRAINT pk_organisers PRIMARY KEY (id)
);

CREATE TABLE organisations (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    country character varying(100) NOT NULL,
    sector character varying(32) NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_organisations PRIMARY KEY (id),
    CONSTRAINT fk_organisations_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE venues (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    address character varying(500) NOT NULL,
    city character varying(100) NOT NULL,
    kind character varying(32) NOT NULL,
    latitude double precision,
    longitude double precision,
    version integer NOT NULL,
    CONSTRAINT pk_venues PRIMARY KEY (id),
    CONSTRAINT fk_venues_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE api_tokens (
    id uuid NOT NULL,
    organiser_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT fk_api_tokens_organisers_organiser_id FOREIGN KEY (organiser_id) REFERENCES organisers (id) ON DELETE CASCADE
);

CREATE TABLE mission_roles (
    mission_id uuid NOT NULL,
    organiser_id uuid NOT NULL,
    role character varying(32) NOT NULL,
    CONSTRAINT pk_mission_roles PRIMARY KEY (mission_id, organiser_id),
    CONSTRAINT fk_mission_roles_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_roles_organisers_organiser_id FOREIGN KEY (organiser_id) REFERENCES organisers (id) ON DELETE CASCADE
);

CREATE TABLE sign_in_links (
    id uuid NOT NULL,
    organiser_id uuid NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT pk_sign_in_links PRIMARY KEY (id),
    CONSTRAINT fk_sign_in_links_organisers_organiser_id FOREIGN KEY (organiser_id) REFERENCES organisers (id) ON DELETE CASCADE
);

CREATE TABLE programme_items (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    description character varying(4000) NOT NULL,
    kind character varying(32) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    venue_id uuid,
    capacity integer,
    allows_parallel boolean NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_programme_items PRIMARY KEY (id),
    CONSTRAINT fk_programme_items_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_programme_items_venues_venue_id FOREIGN KEY (venue_id) REFERENCES venues (id) ON DELETE RESTRICT
);

CREATE INDEX ix_api_tokens_organiser_id ON api_tokens (organiser_id);

CREATE UNIQUE INDEX ix_api_tokens_token_hash ON api_tokens (token_hash);

CREATE INDEX ix_mission_roles_organiser_id ON mission_roles (organiser_id);

CREATE INDEX ix_missions_start_date ON missions (start_date);

CREATE UNIQUE INDEX ix_organisations_mission_id_name ON organisations (mission_id, name);

CREATE UNIQUE INDEX ix_organisers_email ON organisers (email);

CREATE INDEX ix_programme_items_mission_id_starts_at ON programme_items (mission_id, starts_at);

CREATE INDEX ix_programme_items_venue_id ON programme_items (venue_id);

CREATE INDEX ix_sign_in_links_organiser_id ON sign_in_links (organiser_id);

CREATE UNIQUE INDEX ix_sign_in_links_token_hash ON sign_in_links (token_hash);

CREATE INDEX ix_venues_mission_id ON venues (mission_id);
