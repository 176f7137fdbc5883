-- Data-protection keys (sign-in cookies, antiforgery tokens) shared by every node of a PostgreSQL cluster.

CREATE TABLE data_protection_keys (
    name character varying(200) NOT NULL,
    xml text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_data_protection_keys PRIMARY KEY (name)
);
