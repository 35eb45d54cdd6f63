-- Evidence of a change: photos of the new crate, the checklist on the wall.
-- Each belongs to one change, either a cause's or an incident's own, and is
-- kept in the database (so every backup holds it) already reduced for print
-- (about 150 dpi at the size it prints) with a small thumbnail for the screen.
CREATE TABLE change_photos (
    id              INTEGER PRIMARY KEY,
    cause_change_id INTEGER REFERENCES cause_changes (id) ON DELETE CASCADE,
    change_id       INTEGER REFERENCES changes (id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL,
    width           INTEGER NOT NULL CHECK (width > 0),
    height          INTEGER NOT NULL CHECK (height > 0),
    jpeg            BLOB NOT NULL,
    thumb           BLOB NOT NULL,
    added_at        TEXT NOT NULL,
    CHECK ((cause_change_id IS NULL) <> (change_id IS NULL))
);
CREATE INDEX change_photos_cause_change ON change_photos (cause_change_id) WHERE cause_change_id IS NOT NULL;
CREATE INDEX change_photos_change ON change_photos (change_id) WHERE change_id IS NOT NULL;
