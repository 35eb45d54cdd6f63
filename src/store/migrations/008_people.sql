-- Several people on one set of records (a shared database, or one laptop
-- passed around): who saved an incident last and a version every save
-- raises (a save made from an older copy is refused instead of silently
-- overwriting), who wrote each timeline entry and audit line, and each
-- save's list of what it changed, for the message to the person refused.
ALTER TABLE incidents ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE incidents ADD COLUMN updated_by TEXT;
ALTER TABLE timeline ADD COLUMN person TEXT;
ALTER TABLE audit_log ADD COLUMN person TEXT;

CREATE TABLE incident_edits (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    -- The incident's row_version this save made.
    version     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    person      TEXT,
    -- What changed, in words for the owner ("title", "a recovery step").
    what        TEXT NOT NULL
);
CREATE INDEX incident_edits_incident ON incident_edits (incident_id, version);
