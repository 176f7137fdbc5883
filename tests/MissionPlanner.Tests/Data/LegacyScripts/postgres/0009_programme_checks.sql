-- Programme checks: venue opening hours, travel times between venues, and travel-leg details.

ALTER TABLE venues ADD COLUMN opens_at time without time zone;
ALTER TABLE venues ADD COLUMN closes_at time without time zone;
ALTER TABLE programme_items ADD COLUMN travel_mode character varying(16);
ALTER TABLE programme_items ADD COLUMN carrier character varying(100);
ALTER TABLE programme_items ADD COLUMN meeting_point character varying(300);
ALTER TABLE programme_items ADD COLUMN seat_or_coach character varying(50);

CREATE TABLE venue_travel_times (
    from_venue_id uuid NOT NULL,
    to_venue_id uuid NOT NULL,
    mission_id uuid NOT NULL,
    minutes integer NOT NULL,
    CONSTRAINT pk_venue_travel_times PRIMARY KEY (from_venue_id, to_venue_id),
    CONSTRAINT fk_venue_travel_times_missions_mission_id FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE,
    CONSTRAINT fk_venue_travel_times_venues_from_venue_id FOREIGN KEY (from_venue_id) REFERENCES venues (id) ON DELETE CASCADE,
    CONSTRAINT fk_venue_travel_times_venues_to_venue_id FOREIGN KEY (to_venue_id) REFERENCES venues (id) ON DELETE CASCADE
);

CREATE INDEX ix_venue_travel_times_mission_id ON venue_travel_times (mission_id);

CREATE INDEX ix_venue_travel_times_to_venue_id ON venue_travel_times (to_venue_id);
