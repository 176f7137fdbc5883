-- The outbox: every email is a row written with the change that causes it; per-mission email template overrides.

CREATE TABLE email_template_overrides (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    template character varying(64) NOT NULL,
    subject character varying(2000) NOT NULL,
    html text NOT NULL,
    text text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_email_template_overrides PRIMARY KEY (id),
    CONSTRAINT fk_email_template_overrides_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE outbox_messages (
    id uuid NOT NULL,
    mission_id uuid,
    template character varying(64) NOT NULL,
    to_address character varying(254) NOT NULL,
    to_name character varying(200) NOT NULL,
    subject character varying(500) NOT NULL,
    html_body text NOT NULL,
    text_body text NOT NULL,
    model_json text NOT NULL,
    batch character varying(100),
    message_id character varying(200) NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    claimed_at timestamp with time zone,
    claim_token uuid,
    last_error character varying(2000),
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id),
    CONSTRAINT fk_outbox_messages_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_email_template_overrides_mission_id_template ON email_template_overrides (mission_id, template);

CREATE UNIQUE INDEX ix_outbox_messages_message_id ON outbox_messages (message_id);

CREATE INDEX ix_outbox_messages_mission_id_batch ON outbox_messages (mission_id, batch);

CREATE INDEX ix_outbox_messages_mission_id_created_at ON outbox_messages (mission_id, created_at);

CREATE INDEX ix_outbox_messages_status_next_attempt_at ON outbox_messages (status, next_attempt_at);
