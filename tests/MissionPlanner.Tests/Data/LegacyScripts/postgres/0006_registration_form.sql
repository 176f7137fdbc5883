-- Registration form: the organisers' own questions, ID details (encrypted) for screened visits,
-- registration modes (invitation only, open, approval required) and the decision message.

ALTER TABLE missions ADD COLUMN registration_mode character varying(32) NOT NULL DEFAULT 'InvitationOnly';
ALTER TABLE programme_items ADD COLUMN requires_id_screening boolean NOT NULL DEFAULT false;
ALTER TABLE registrations ADD COLUMN bio character varying(1000);
ALTER TABLE registrations ADD COLUMN answers text NOT NULL DEFAULT '{}';
ALTER TABLE registrations ADD COLUMN id_details text;
ALTER TABLE registrations ADD COLUMN id_details_purged_at timestamp with time zone;
ALTER TABLE registrations ADD COLUMN decision_message character varying(2000);

CREATE TABLE registration_questions (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    position integer NOT NULL,
    prompt character varying(300) NOT NULL,
    kind character varying(32) NOT NULL,
    options character varying(6030) NOT NULL,
    required boolean NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_registration_questions PRIMARY KEY (id),
    CONSTRAINT fk_registration_questions_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE INDEX ix_registration_questions_mission_id_position ON registration_questions (mission_id, position);
