-- A large import indexes its new customers for search in one statement at the
-- end instead of one row at a time: FTS5 writes its pending terms out at
-- every statement, so 100,000 single-row inserts made 100,000 tiny index
-- segments to merge (about 6 s of a 7 s import). While the one row of
-- `search_index_paused` exists (only ever inside an import's transaction),
-- new rows are not indexed by the trigger; the import indexes them itself
-- before it commits.
CREATE TABLE search_index_paused (one INTEGER PRIMARY KEY CHECK (one = 1));
DROP TRIGGER customers_ai;
CREATE TRIGGER customers_ai AFTER INSERT ON customers
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused) BEGIN
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- The contact look-ups of an import ask for `lower(email) = ?` and
-- `phone_digits = ?` alone, with no ORDER BY or LIMIT (with them, SQLite
-- re-planned the statement for every new value: half of an import's time).
-- Without an IS NOT NULL term they cannot use the partial indexes, so the
-- indexes become plain ones.
DROP INDEX customers_email;
CREATE INDEX customers_email ON customers (lower(email));
DROP INDEX customers_phone;
CREATE INDEX customers_phone ON customers (phone_digits);

-- The column mapping the owner chose for a file, remembered for the next
-- file with the same header row (the header, normalised, is the key).
CREATE TABLE import_mappings (
    header_key TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL,
    saved_at   TEXT NOT NULL
);
