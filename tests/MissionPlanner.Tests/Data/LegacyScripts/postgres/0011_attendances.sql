-- Check-in: who was present at which programme item, from scanned badges.

CREATE TABLE attendances (
    programme_item_id uuid NOT NULL,
    registration_id uuid NOT NULL,
    mission_id uuid NOT NULL,
    checked_in_by uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_attendances PRIMARY KEY (programme_item_id, registration_id),
    CONSTRAINT fk_attendances_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendances_programme_items_programme_item_id FOREIGN KEY (programme_item_id) REFERENCES programme_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendances_registrations_registration_id FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
);

CREATE INDEX ix_attendances_mission_id ON attendances (mission_id);

CREATE INDEX ix_attendances_registration_id ON attendances (registration_id);
