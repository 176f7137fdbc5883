-- Itineraries and calendars: what to wear and whom to call per item, who an item is for
-- (everyone, some sectors, chosen people), cancellation that stays visible, and a change counter.

ALTER TABLE programme_items ADD COLUMN dress_code character varying(200);
ALTER TABLE programme_items ADD COLUMN contact character varying(300);
ALTER TABLE programme_items ADD COLUMN audience character varying(16) NOT NULL DEFAULT 'Everyone';
ALTER TABLE programme_items ADD COLUMN audience_sectors character varying(200) NOT NULL DEFAULT '';
ALTER TABLE programme_items ADD COLUMN cancelled boolean NOT NULL DEFAULT false;
ALTER TABLE programme_items ADD COLUMN sequence integer NOT NULL DEFAULT 0;

CREATE TABLE programme_item_people (
    programme_item_id uuid NOT NULL,
    registration_id uuid NOT NULL,
    CONSTRAINT pk_programme_item_people PRIMARY KEY (programme_item_id, registration_id),
    CONSTRAINT fk_programme_item_people_programme_items_programme_item_id FOREIGN KEY (programme_item_id) REFERENCES programme_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_programme_item_people_registrations_registration_id FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
);

CREATE INDEX ix_programme_item_people_registration_id ON programme_item_people (registration_id);
