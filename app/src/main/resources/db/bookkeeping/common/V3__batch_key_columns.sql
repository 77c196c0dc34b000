-- The natural key an import matched rows on (JSON array of target column names), so a rollback can find the rows
-- its provenance names by key; older batches have none and were never written by the commit engine.
ALTER TABLE sluice_import_batch ADD COLUMN key_columns VARCHAR(1000);
