-- A batch into several related tables reads and approves SOURCE rows but writes TARGET rows: one source row may feed
-- several tables, or several rows of one table (unpivot). rows_read, rows_rejected and (for a single-table batch,
-- where a source row is a target row) rows_approved count source rows; for a related batch rows_approved counts the
-- target rows approved across its tables, and source_rows_approved the source rows approved. It is NULL for a
-- single-table batch and for a related batch recorded before this column, whose source rows approved are not known.
-- mode_per_table says that the tables of a related batch were written with different modes (see sluice_batch_table),
-- so that import_mode, the mode that changes most, is not the batch's mode; set here from the tables recorded.
ALTER TABLE sluice_import_batch ADD COLUMN source_rows_approved BIGINT;
ALTER TABLE sluice_import_batch ADD COLUMN mode_per_table BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE sluice_import_batch SET mode_per_table = TRUE WHERE id IN (SELECT batch_id FROM sluice_batch_table
    GROUP BY batch_id HAVING COUNT(DISTINCT import_mode) > 1);
