package io.sluice.core.usecase;

import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;
import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.tables.TableExpansion;
import io.sluice.core.tables.TargetRow;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The target rows one table part makes from the approved source rows of its sheet in a workbook review, for the
 * commit: a source row marked in {@code rejected} is skipped with every target row it makes. Each iteration reads the
 * sheet once. (An import from the file itself reads it once for all its tables: {@link WorkbookPass}.)
 */
final class WorkbookRows implements Iterable<ApprovedRow> {

    private final Supplier<SourceTable> open;
    private final Profile profile;
    private final TableMapping part;
    private final Function<String, TableInfo> tables;
    private final BitSet rejected;

    /** Over a sheet opened by {@code open} on each iteration (e.g. a workbook review's approved rows). */
    WorkbookRows(Supplier<SourceTable> open, Profile profile, TableMapping part, Function<String, TableInfo> tables,
                 BitSet rejected) {
        this.open = open;
        this.profile = profile;
        this.part = part;
        this.tables = tables;
        this.rejected = rejected;
    }

    @Override
    public ApprovedRowIterator iterator() {
        SourceTable source = open.get();
        TableExpansion expansion;
        try {
            expansion = TableExpansion.compile(profile, part, source, tables);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return new ApprovedRowIterator() {
            private final Deque<ApprovedRow> ready = new ArrayDeque<>();
            private boolean closed;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty()) {
                    SourceRow row = closed ? null : source.next();
                    if (row == null) {
                        close();
                        return false;
                    }
                    if (rejected != null && row.number() <= Integer.MAX_VALUE && rejected.get((int) row.number())) {
                        continue;
                    }
                    for (TargetRow target : expansion.expand(row)) {
                        ready.add(new ApprovedRow(target.sourceRow(), target.legacyId(), target.values()));
                    }
                }
                return true;
            }

            @Override
            public ApprovedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    source.close();
                }
            }
        };
    }
}
