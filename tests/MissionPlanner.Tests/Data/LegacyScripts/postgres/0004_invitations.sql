-- Invitations with personal links, the registration deadline and reminder days of a mission,
-- and the record of which reminders went out.

ALTER TABLE missions ADD COLUMN registration_deadline date;
ALTER TABLE missions ADD COLUMN reminder_days character varying(40) NOT NULL DEFAULT '7,2';
ALTER TABLE missions ADD COLUMN reminder_schedule_set_at timestamp with time zone;

CREATE TABLE invitations (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    email character varying(254) NOT NULL,
    name character varying(200) NOT NULL,
    organisation character varying(200),
    batch character varying(100),
    token_hash character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    responded_at timestamp with time zone,
    reminders_sent integer NOT NULL,
    last_reminded_at timestamp with time zone,
    CONSTRAINT pk_invitations PRIMARY KEY (id),
    CONSTRAINT fk_invitations_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE TABLE reminder_runs (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    deadline date NOT NULL,
    days_before integer NOT NULL,
    recipients integer NOT NULL,
    ran_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_reminder_runs PRIMARY KEY (id),
    CONSTRAINT fk_reminder_runs_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_invitations_mission_id_email ON invitations (mission_id, email);

CREATE UNIQUE INDEX ix_invitations_token_hash ON invitations (token_hash);

CREATE UNIQUE INDEX ix_reminder_runs_mission_id_deadline_days_before ON reminder_runs (mission_id, deadline, days_before);
