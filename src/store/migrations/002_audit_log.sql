-- Schema version 2: a short audit trail for actions that must leave a trace
-- without keeping personal data (erasing a customer on request, restores).
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
