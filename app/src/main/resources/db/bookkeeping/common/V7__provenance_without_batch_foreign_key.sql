-- A provenance row no longer carries a foreign key to its batch (decision 0021). On PostgreSQL the check the key fires
-- for every row took about two thirds of the time to COPY an import's provenance; on H2 the key kept an index of its
-- own beside ix_sluice_provenance_batch, so every row was indexed twice by batch. Sluice writes a batch's provenance
-- only in the transaction that inserts the batch row, and never deletes a batch; ix_sluice_provenance_batch stays for
-- the reads by batch.
ALTER TABLE sluice_row_provenance DROP CONSTRAINT fk_sluice_provenance_batch;
