-- Schema version 1: profile, customers, incidents with steps, changes,
-- timeline and letters. Money is integer minor units; instants are RFC 3339
-- UTC text; calendar dates are YYYY-MM-DD text; multi-line values (address
-- lines, tags) are newline-joined.

CREATE TABLE profile (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    business_name       TEXT NOT NULL DEFAULT '',
    signer_name         TEXT NOT NULL DEFAULT '',
    signer_title        TEXT,
    address_lines       TEXT NOT NULL DEFAULT '',
    city                TEXT,
    region              TEXT,
    postal_code         TEXT,
    country             TEXT,
    phone               TEXT,
    email               TEXT,
    website             TEXT,
    currency            TEXT NOT NULL DEFAULT 'USD',
    paper               TEXT NOT NULL DEFAULT 'letter',
    date_format         TEXT NOT NULL DEFAULT 'long_us',
    envelope            TEXT NOT NULL DEFAULT 'us_no10',
    offset_x_mm         REAL NOT NULL DEFAULT 0,
    offset_y_mm         REAL NOT NULL DEFAULT 0,
    business_type       TEXT NOT NULL DEFAULT 'general',
    second_failure_days INTEGER NOT NULL DEFAULT 365,
    margin_percent      INTEGER NOT NULL DEFAULT 40,
    churn_percent       INTEGER NOT NULL DEFAULT 60,
    logo                BLOB,
    signature           BLOB,
    updated_at          TEXT
);
INSERT INTO profile (id) VALUES (1);

CREATE TABLE categories (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
INSERT INTO categories (name, position) VALUES
    ('delivery', 1), ('quality', 2), ('billing', 3), ('communication', 4), ('staff', 5), ('other', 6);

CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL CHECK (name <> ''),
    company            TEXT,
    email              TEXT,
    phone              TEXT,
    phone_digits       TEXT,
    address_lines      TEXT NOT NULL DEFAULT '',
    city               TEXT,
    region             TEXT,
    postal_code        TEXT,
    country            TEXT,
    notes              TEXT,
    tags               TEXT NOT NULL DEFAULT '',
    yearly_spend_minor INTEGER NOT NULL DEFAULT 0 CHECK (yearly_spend_minor >= 0),
    expected_years     INTEGER NOT NULL DEFAULT 0 CHECK (expected_years >= 0),
    search_text        TEXT NOT NULL,
    name_key           TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX customers_name_key ON customers (name_key);
CREATE INDEX customers_email ON customers (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_phone ON customers (phone_digits) WHERE phone_digits IS NOT NULL;

-- Substring search over folded text ("nunez" finds "Núñez"), kept in step by triggers.
CREATE VIRTUAL TABLE customer_search USING fts5 (
    search_text, content = 'customers', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER customers_au AFTER UPDATE OF search_text ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TABLE incidents (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    title               TEXT NOT NULL CHECK (title <> ''),
    what_happened       TEXT,
    our_understanding   TEXT,
    category            TEXT NOT NULL REFERENCES categories (name) ON UPDATE CASCADE,
    severity            INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    occurred_at         TEXT NOT NULL,
    discovered_at       TEXT NOT NULL,
    discovered_by       TEXT NOT NULL CHECK (discovered_by IN ('us', 'customer')),
    remedy_requested    TEXT,
    order_value_minor   INTEGER NOT NULL DEFAULT 0 CHECK (order_value_minor >= 0),
    fix_promised_by     TEXT,
    makeup_description  TEXT,
    makeup_value_minor  INTEGER CHECK (makeup_value_minor >= 0),
    root_cause          TEXT,
    outcome_came_back   INTEGER,
    outcome_spend_minor INTEGER,
    outcome_note        TEXT,
    second_failure      INTEGER NOT NULL DEFAULT 0,
    -- Derived from the steps and changes on every write (see Status::derive).
    status              TEXT NOT NULL,
    -- The promised fix date while the fix is still outstanding, else NULL: the "fixes due" queue.
    fix_pending_by      TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX incidents_customer ON incidents (customer_id, occurred_at);
CREATE INDEX incidents_queue ON incidents (status, discovered_by, discovered_at);
CREATE INDEX incidents_fix_pending ON incidents (fix_pending_by) WHERE fix_pending_by IS NOT NULL;
CREATE INDEX incidents_occurred ON incidents (occurred_at);

-- Only steps that are done or skipped have a row; a missing row means "to do".
CREATE TABLE incident_steps (
    incident_id    INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    step           TEXT NOT NULL,
    done_at        TEXT,
    skipped_reason TEXT,
    PRIMARY KEY (incident_id, step),
    CHECK ((done_at IS NULL) <> (skipped_reason IS NULL))
) WITHOUT ROWID;

CREATE TABLE changes (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    changed_on  TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (text <> '')
);
CREATE INDEX changes_incident ON changes (incident_id);

CREATE TABLE timeline (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('call', 'email', 'letter', 'visit', 'note')),
    text        TEXT NOT NULL
);
CREATE INDEX timeline_incident ON timeline (incident_id, at);

CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('apology', 'email', 'call', 'follow_up')),
    tone        TEXT,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sent_at     TEXT
);
CREATE INDEX letters_incident ON letters (incident_id);
