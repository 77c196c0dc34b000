package io.sluice.core.commit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a related-tables batch handed to {@link RelatedCommitter} chunk by chunk: a workbook read once hands each
 * chunk of source rows as the rows it makes for every table, parents' rows before their children's, so the parents
 * of a chunk are written when its children are. The feed may end with a {@link RefusedImportException} (a measure of
 * the whole source refuses it): the commit then rolls back and records no batch.
 */
@FunctionalInterface
public interface RelatedChunks {

    /** Where the feed hands each chunk of one table's rows, in the order they are to be written. */
    @FunctionalInterface
    interface Sink {
        /** Checks and writes these rows of {@code table} (one of the request's tables) in the batch's transaction. */
        void write(TableRows table, List<ApprovedRow> rows);
    }

    /** Hands every chunk to {@code sink}, on the calling thread. */
    void feed(Sink sink);

    /** Each table's own rows ({@link TableRows#rows()}) in chunks of {@code chunkSize}, table after table. */
    static RelatedChunks tableByTable(List<TableRows> ordered, int chunkSize) {
        return sink -> {
            for (TableRows table : ordered) {
                Iterator<ApprovedRow> rows = table.rows().iterator();
                try {
                    List<ApprovedRow> chunk = new ArrayList<>(chunkSize);
                    while (rows.hasNext()) {
                        chunk.add(rows.next());
                        if (chunk.size() == chunkSize) {
                            sink.write(table, chunk);
                            chunk = new ArrayList<>(chunkSize);
                        }
                    }
                    sink.write(table, chunk);
                } finally {
                    if (rows instanceof AutoCloseable closeable) {
                        try {
                            closeable.close();
                        } catch (Exception e) {
                            // the rows were read; a file or cursor that fails to close cannot change what was written
                        }
                    }
                }
            }
        };
    }
}
