-- Response clocks: the targets the owner sets (working hours for first
-- contact and answers, days for the follow-up and the outcome check), a
-- promised call-back of its own on each incident, and a mark on the rows the
-- sample data made, so "Remove all sample data" removes exactly those.
CREATE TABLE clock_settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    -- We found it first: contact them within this many working hours.
    first_contact_hours INTEGER NOT NULL DEFAULT 4 CHECK (first_contact_hours BETWEEN 1 AND 400),
    -- They told us: answer within this many working hours (8 = one working day).
    answer_hours        INTEGER NOT NULL DEFAULT 8 CHECK (answer_hours BETWEEN 1 AND 400),
    -- The "what we changed" letter: within this many days of the fix.
    follow_up_days      INTEGER NOT NULL DEFAULT 14 CHECK (follow_up_days BETWEEN 1 AND 365),
    -- Did they come back? Asked this many days after closing.
    outcome_days        INTEGER NOT NULL DEFAULT 90 CHECK (outcome_days BETWEEN 1 AND 730),
    -- ISO weekdays that are working days, 1 = Monday.
    work_days           TEXT NOT NULL DEFAULT '12345',
    work_start          TEXT NOT NULL DEFAULT '09:00',
    work_end            TEXT NOT NULL DEFAULT '17:00',
    notifications       INTEGER NOT NULL DEFAULT 1
);
INSERT INTO clock_settings (id) VALUES (1);

-- "I'll call you back by Thursday 3 pm" (UTC instant); cleared when a call is logged.
ALTER TABLE incidents ADD COLUMN callback_by TEXT;
CREATE INDEX incidents_callback ON incidents (callback_by) WHERE callback_by IS NOT NULL;

ALTER TABLE customers ADD COLUMN sample INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN sample INTEGER NOT NULL DEFAULT 0;
