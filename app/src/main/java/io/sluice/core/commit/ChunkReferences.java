package io.sluice.core.commit;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;
import io.sluice.core.mapping.MappedValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a chunk's references (a child's foreign-key columns holding the parent's natural key) to the parent's
 * referenced key, in the import's own transaction: a parent written earlier in the same batch is found like one that
 * was already there. The keys the batch has resolved already ({@link ResolvedParents}, shared by the batch's child
 * tables) are not looked up again; the others with one set-based look-up per reference and chunk. Memory holds the
 * current chunk and the bounded resolved keys whatever the row count; a key not found is reported for the row.
 */
final class ChunkReferences {

    /** A reference not found for a row: the child column, the natural-key text and the sentence for the finding. */
    record Missing(ColumnInfo column, String value, String message) {
    }

    private record Resolver(ForeignKey fk, TableInfo parent, List<ColumnInfo> childColumns,
                            List<ColumnInfo> parentKey, List<String> parentColumns, TargetRows parentRows,
                            int offset, Map<String, Object[]> held) {
    }

    private final String table;
    private final String sheet;
    private final List<Resolver> resolvers = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<ApprovedRow, Object[]> values = new IdentityHashMap<>();
    private final Map<ApprovedRow, Missing> missing = new IdentityHashMap<>();
    private final int width;

    /**
     * @param mapped  the child's mapped columns
     * @param parents each parent table by name (in the batch or in the target)
     */
    ChunkReferences(Connection connection, Dialect dialect, TableInfo child, String sheet, List<ColumnInfo> mapped,
                    List<Reference> references, Function<String, TableInfo> parents) {
        this(connection, dialect, child, sheet, mapped, references, parents, new ResolvedParents());
    }

    /**
     * As above, looking up only the natural keys {@code resolved} does not hold yet and keeping there the ones found,
     * for the other chunks and child tables of the batch.
     */
    ChunkReferences(Connection connection, Dialect dialect, TableInfo child, String sheet, List<ColumnInfo> mapped,
                    List<Reference> references, Function<String, TableInfo> parents, ResolvedParents resolved) {
        this.table = child.name();
        this.sheet = sheet;
        int offset = 0;
        for (Reference reference : references) {
            TableInfo parent = parents.apply(reference.parentTable());
            ForeignKey fk = child.foreignKeys().stream()
                    .filter(k -> ForeignKeyOrder.refersTo(k, parent) && sameNames(k.columns(), reference.columns()))
                    .findFirst().orElseThrow(() -> SluiceException.input("Table " + child.name() + " has no foreign"
                            + " key on " + String.join(", ", reference.columns()) + " to table " + parent.name()
                            + ", so those columns cannot be resolved through " + parent.name() + "'s natural key."));
            List<ColumnInfo> childColumns = new ArrayList<>();
            List<ColumnInfo> parentKey = new ArrayList<>();
            List<String> parentColumns = new ArrayList<>();
            for (int i = 0; i < reference.columns().size(); i++) {
                String name = reference.columns().get(i);
                childColumns.add(mapped.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> SluiceException.input("The reference column " + name + " of table "
                                + child.name() + " is not mapped; map it to the parent's natural key.")));
                String keyName = reference.parentNaturalKey().get(i);
                parentKey.add(parent.column(keyName).orElseThrow(() -> SluiceException.input("Table "
                        + parent.name() + " has no column " + keyName + " to resolve " + child.name() + "." + name
                        + " through.")));
                int position = indexOf(fk.columns(), name);
                String referenced = fk.refColumns().get(position);
                parentColumns.add(parent.column(referenced).orElseThrow().name());
                index.put(childColumns.get(i).name(), offset + i);
            }
            String id = parent.qualifiedName().toLowerCase(java.util.Locale.ROOT) + " " + names(parentKey) + " -> "
                    + String.join(", ", parentColumns);
            resolvers.add(new Resolver(fk, parent, childColumns, parentKey, parentColumns,
                    new TargetRows(connection, dialect, parent, parentKey), offset, resolved.of(id)));
            offset += childColumns.size();
        }
        this.width = offset;
    }

    /** Whether the foreign key is resolved here (so checking its parents again would find what was just found). */
    boolean handles(ForeignKey fk) {
        return resolvers.stream().anyMatch(r -> r.fk().equals(fk));
    }

    /** Resolves every reference of the chunk, forgetting the previous chunk's. */
    void resolve(List<ApprovedRow> chunk) throws SQLException {
        values.clear();
        missing.clear();
        for (ApprovedRow row : chunk) {
            values.put(row, new Object[width]);
        }
        for (Resolver r : resolvers) {
            Map<String, Object[]> chunkParents = new HashMap<>();
            Map<String, List<Object>> unknown = new LinkedHashMap<>();
            // each row's key text once: the rows' keys are read again below to resolve them
            String[] texts = new String[chunk.size()];
            for (int i = 0; i < texts.length; i++) {
                List<Object> key = naturalKey(chunk.get(i), r);
                if (key != null) {
                    String text = Values.keyText(key);
                    texts[i] = text;
                    Object[] held = r.held().get(text);
                    if (held != null) {
                        chunkParents.put(text, held);
                    } else if (!chunkParents.containsKey(text)) {
                        unknown.putIfAbsent(text, key);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                Map<String, Map<String, Object>> found = r.parentRows().existing(new ArrayList<>(unknown.values()));
                found.forEach((text, parent) -> {
                    Object[] referenced = new Object[r.parentColumns().size()];
                    for (int i = 0; i < referenced.length; i++) {
                        referenced[i] = normal(parent.get(r.parentColumns().get(i)));
                    }
                    chunkParents.put(text, referenced);
                    ResolvedParents.keep(r.held(), text, referenced);
                });
            }
            for (int i = 0; i < texts.length; i++) {
                String text = texts[i];
                if (text == null) {
                    continue;
                }
                ApprovedRow row = chunk.get(i);
                Object[] parent = chunkParents.get(text);
                if (parent == null) {
                    missing.putIfAbsent(row, new Missing(r.childColumns().get(0), text, "Sheet " + sheet + ", row "
                            + row.sourceRow() + ": " + names(r.childColumns()) + " '" + text + "' names no row of"
                            + " table " + r.parent().name() + " by " + names(r.parentKey()) + ", neither one"
                            + " already there nor one new in this batch."));
                    continue;
                }
                System.arraycopy(parent, 0, values.get(row), r.offset(), parent.length);
            }
        }
    }

    /** Why the row's reference could not be resolved, or null when it was (or holds no reference). */
    Missing missing(ApprovedRow row) {
        return missing.get(row);
    }

    /** Whether the column is a reference column resolved here. */
    boolean resolves(ColumnInfo column) {
        return index.containsKey(column.name());
    }

    /** The resolved value of a reference column for a row of the current chunk (null for no reference). */
    Object value(ApprovedRow row, ColumnInfo column) {
        Object[] resolved = values.get(row);
        return resolved == null ? null : resolved[index.get(column.name())];
    }

    /** The natural-key values the row holds in the reference's columns, or null when any is empty. */
    private static List<Object> naturalKey(ApprovedRow row, Resolver r) {
        List<Object> key = new ArrayList<>();
        for (ColumnInfo c : r.childColumns()) {
            MappedValue v = row.values().get(c.name());
            if (v == null || v.value() == null) {
                return null;
            }
            key.add(v.value());
        }
        return key;
    }

    /** Whole numbers as Long, as the mapper types them, so key texts and bindings agree. */
    private static Object normal(Object value) {
        return value instanceof Integer || value instanceof Short || value instanceof Byte
                ? Long.valueOf(((Number) value).longValue()) : value;
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        return a.size() == b.size() && b.stream().allMatch(name -> indexOf(a, name) >= 0);
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<ColumnInfo> columns) {
        return String.join(", ", columns.stream().map(ColumnInfo::name).toList());
    }

    @Override
    public String toString() {
        return "ChunkReferences[" + table + "]";
    }
}
