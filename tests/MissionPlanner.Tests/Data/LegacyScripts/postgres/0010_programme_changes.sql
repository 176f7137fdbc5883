-- Programme change notifications: changes waiting to be emailed to the people they affect, and one attachment per email (the .ics).

ALTER TABLE outbox_messages ADD COLUMN attachment_name character varying(200);
ALTER TABLE outbox_messages ADD COLUMN attachment_type character varying(100);
ALTER TABLE outbox_messages ADD COLUMN attachment_content text;

CREATE TABLE programme_changes (
    id uuid NOT NULL,
    mission_id uuid NOT NULL,
    item_id uuid NOT NULL,
    description character varying(500) NOT NULL,
    affected text NOT NULL,
    at timestamp with time zone NOT NULL,
    notified_at timestamp with time zone,
    CONSTRAINT pk_programme_changes PRIMARY KEY (id),
    CONSTRAINT fk_programme_changes_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE
);

CREATE INDEX ix_programme_changes_mission_id ON programme_changes (mission_id);

CREATE INDEX ix_programme_changes_notified_at_mission_id_at ON programme_changes (notified_at, mission_id, at);
