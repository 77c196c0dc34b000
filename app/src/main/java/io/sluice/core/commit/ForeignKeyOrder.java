package io.sluice.core.commit;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders the tables of a related-tables batch parents before children from the target's own foreign keys (a table's
 * reference to itself does not order anything); a cycle among them is refused in one sentence naming the tables.
 */
final class ForeignKeyOrder {

    private ForeignKeyOrder() {
    }

    /** The tables, parents first; among tables that do not depend on each other, the given order is kept. */
    static List<TableRows> order(List<TableRows> tables) {
        List<TableRows> left = new ArrayList<>(tables);
        List<TableRows> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            TableRows next = null;
            for (TableRows candidate : left) {
                if (left.stream().noneMatch(other -> other != candidate && references(candidate.table(),
                        other.table()))) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                Set<String> names = new LinkedHashSet<>();
                left.forEach(t -> names.add(t.table().qualifiedName()));
                throw SluiceException.input("Tables " + String.join(", ", names) + " reference each other through"
                        + " their foreign keys in a cycle, so no order writes every parent before its children;"
                        + " import them in separate batches.");
            }
            left.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** Whether {@code child} has a foreign key to {@code parent} (a different table). */
    static boolean references(TableInfo child, TableInfo parent) {
        if (same(child, parent)) {
            return false;
        }
        for (ForeignKey fk : child.foreignKeys()) {
            if (refersTo(fk, parent)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the foreign key points at that table. */
    static boolean refersTo(ForeignKey fk, TableInfo table) {
        return fk.pointsAt(table);
    }

    private static boolean same(TableInfo a, TableInfo b) {
        return a.qualifiedName().equalsIgnoreCase(b.qualifiedName());
    }
}
