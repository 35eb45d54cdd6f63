-- Two people editing one customer (a shared database, or two windows on one
-- laptop): a version every save raises, so a save made from an older copy of
-- the form is refused instead of silently overwriting, and who saved last.
ALTER TABLE customers ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN updated_by TEXT;
