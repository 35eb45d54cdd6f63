-- Mirrors SQLite migration 009: a version every save of a customer raises,
-- and who saved last, so a save from an older copy is refused.
ALTER TABLE customers ADD COLUMN row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN updated_by text;
