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

-- Incidents per month (of discovery, UTC) and category, kept by triggers so
-- the Today chart reads a few hundred rows instead of counting every incident.
CREATE TABLE incident_month_counts (
    month    TEXT NOT NULL,
    category TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (month, category)
) WITHOUT ROWID;
INSERT INTO incident_month_counts (month, category, n)
    SELECT substr(discovered_at, 1, 7), category, COUNT(*) FROM incidents GROUP BY 1, 2;
CREATE TRIGGER incidents_count_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO incident_month_counts (month, category, n) VALUES (substr(new.discovered_at, 1, 7), new.category, 1)
        ON CONFLICT (month, category) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER incidents_count_ad AFTER DELETE ON incidents BEGIN
    UPDATE incident_month_counts SET n = n - 1 WHERE month = substr(old.discovered_at, 1, 7) AND category = old.category;
END;
CREATE TRIGGER incidents_count_au AFTER UPDATE OF discovered_at, category ON incidents BEGIN
    UPDATE incident_month_counts SET n = n - 1 WHERE month = substr(old.discovered_at, 1, 7) AND category = old.category;
    INSERT INTO incident_month_counts (month, category, n) VALUES (substr(new.discovered_at, 1, 7), new.category, 1)
        ON CONFLICT (month, category) DO UPDATE SET n = n + 1;
END;
