-- Schema version 2: a short audit trail for actions that must leave a trace
-- without keeping personal data (erasing a customer on request, restores);
-- a narrower search trigger; indexes for the Today charts.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);

-- Re-index a customer for search only when the searchable text really
-- changed: an import that updates many customers without touching names or
-- contacts no longer rewrites the search index for each of them.
DROP TRIGGER customers_au;
CREATE TRIGGER customers_au AFTER UPDATE OF search_text ON customers
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO customer_search (customer_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- The Today charts count over every incident; these keep them fast.
CREATE INDEX incidents_category ON incidents (category);
CREATE INDEX incidents_root_cause ON incidents (root_cause) WHERE root_cause IS NOT NULL;
CREATE INDEX incidents_status_outcome ON incidents (status, outcome_came_back);
