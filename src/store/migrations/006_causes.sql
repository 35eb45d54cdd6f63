-- One cause, many customers: a cause is a record of its own (a courier who
-- missed a day, a bad batch of paint), with the dated changes made because of
-- it. An incident may belong to one cause; its changes then include the
-- cause's (an incident can still add its own).
CREATE TABLE causes (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (title <> ''),
    what_happened TEXT,
    category      TEXT REFERENCES categories (name) ON UPDATE CASCADE,
    started_on    TEXT,
    ended_on      TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE cause_changes (
    id         INTEGER PRIMARY KEY,
    cause_id   INTEGER NOT NULL REFERENCES causes (id) ON DELETE CASCADE,
    changed_on TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (text <> '')
);
CREATE INDEX cause_changes_cause ON cause_changes (cause_id);

ALTER TABLE incidents ADD COLUMN cause_id INTEGER REFERENCES causes (id) ON DELETE SET NULL;
CREATE INDEX incidents_cause ON incidents (cause_id) WHERE cause_id IS NOT NULL;
