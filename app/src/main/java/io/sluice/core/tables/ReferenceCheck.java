package io.sluice.core.tables;

import io.sluice.core.Severity;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.KeyText;
import io.sluice.core.rules.TargetKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks that every reference of a target row names a parent that an import can resolve: a parent row made by this
 * workbook from a source row without errors (the same source row, an earlier row of the same sheet, or a sheet read
 * before), or a row already in the target. Otherwise the reference is an error finding on the child's source cell.
 * Parents' keys are held compactly ({@link ParentKeyIndex}); parents not in the workbook are asked of the target
 * many keys per query ({@link TargetKeys}).
 */
final class ReferenceCheck {

    /** Rule id of a reference finding. */
    static final String RULE = "reference";

    private final TargetDatabase db;
    private final Function<String, TableInfo> tables;
    private final WorkbookValidation.LeftOutRows leftOut;
    /** By "table.column" (lower case): the parent rows met so far, and the sheet that makes them. */
    private final Map<String, ParentKeyIndex> indexes = new HashMap<>();
    private final Map<String, String> parentSheets = new HashMap<>();
    private final Map<String, TargetKeys> inTarget = new HashMap<>();

    /**
     * @param parts      every part of the profile (their references say which parents to index)
     * @param leftOut    why a source row of a sheet is left out as a parent (error findings so far, or rejected),
     *                   null when it is not
     */
    ReferenceCheck(TargetDatabase db, List<PartCheck> parts, Function<String, TableInfo> tables,
                   WorkbookValidation.LeftOutRows leftOut) {
        this.db = db;
        this.tables = tables;
        this.leftOut = leftOut;
        for (PartCheck part : parts) {
            for (PartCheck.ParentRef r : part.references()) {
                indexes.putIfAbsent(key(r.parentTable(), r.parentKeyColumn()), new ParentKeyIndex());
            }
        }
        for (PartCheck part : parts) {
            for (String k : indexes.keySet()) {
                if (k.startsWith(part.part().table().toLowerCase(Locale.ROOT) + ".")) {
                    parentSheets.put(k, part.sheet());
                }
            }
        }
    }

    /** Remembers the keys of the rows of a part that other parts reference. */
    void record(PartCheck part, List<TargetRow> rows) {
        String prefix = part.part().table().toLowerCase(Locale.ROOT) + ".";
        for (Map.Entry<String, ParentKeyIndex> e : indexes.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String column = e.getKey().substring(prefix.length());
            for (TargetRow row : rows) {
                MappedValue v = row.values().get(column);
                if (v != null && v.value() != null && !v.hasError()) {
                    e.getValue().put(KeyText.of(v.value()), row.sourceRow());
                }
            }
        }
    }

    /** A reference a parent row of this workbook cannot resolve: asked of the target before it is a finding. */
    private record Pending(TargetRow row, PartCheck.ParentRef ref, MappedValue value, String text, long parentRow,
                           String why) {
    }

    /** Checks the references of a part's rows (of one chunk); findings go to {@code findings}. */
    void check(PartCheck part, List<TargetRow> rows, Consumer<Finding> findings) {
        if (part.references().isEmpty()) {
            return;
        }
        Map<String, List<Pending>> pending = new LinkedHashMap<>();
        for (TargetRow row : rows) {
            for (PartCheck.ParentRef ref : part.references()) {
                MappedValue v = row.values().get(ref.column());
                if (v == null || v.value() == null || v.hasError()) {
                    continue; // no value (required says so when it must have one) or one the type rule reports
                }
                String k = key(ref.parentTable(), ref.parentKeyColumn());
                String text = KeyText.of(v.value());
                long parentRow = indexes.get(k).rowOf(text);
                String parentSheet = parentSheets.get(k);
                String why = null;
                if (parentRow >= 0) {
                    boolean sameRow = parentRow == row.sourceRow() && row.sheet().equals(parentSheet);
                    why = sameRow ? null : leftOut.why(parentSheet, parentRow);
                    if (why == null) {
                        continue;
                    }
                }
                pending.computeIfAbsent(k, x -> new ArrayList<>()).add(new Pending(row, ref, v, text, parentRow,
                        why));
            }
        }
        for (Map.Entry<String, List<Pending>> e : pending.entrySet()) {
            PartCheck.ParentRef ref = e.getValue().get(0).ref();
            TargetKeys keys = inTarget.computeIfAbsent(e.getKey(), k -> new TargetKeys(db,
                    tables.apply(ref.parentTable()), List.of(ref.parentKeyColumn())));
            Map<String, List<Object>> asked = new LinkedHashMap<>();
            e.getValue().forEach(p -> asked.putIfAbsent(p.text(), List.of(p.value().value())));
            Set<String> existing = keys.existing(asked.values());
            for (Pending p : e.getValue()) {
                if (!existing.contains(p.text())) {
                    findings.accept(finding(p, parentSheets.get(e.getKey())));
                }
            }
        }
    }

    private Finding finding(Pending p, String parentSheet) {
        TargetRow row = p.row();
        PartCheck.ParentRef ref = p.ref();
        ValueOrigin origin = row.origin(ref.column());
        String label = origin != null && origin.column() != null ? origin.column() : ref.column();
        String parent = ref.parentTable() + " (" + ref.parentKeyColumn() + ")";
        String message;
        if (p.parentRow() >= 0) {
            message = label + " '" + p.text() + "' names a row of " + ref.parentTable() + " made by row "
                    + p.parentRow() + " of sheet " + parentSheet + ", which " + p.why() + " and is left out, and "
                    + parent + " does not hold it: " + ("has errors".equals(p.why()) ? "fix that row"
                    : "take its rejection back") + ", or this row is left out too.";
        } else {
            String where = row.sheet().equals(parentSheet) ? "on this or an earlier row of sheet " + parentSheet
                    : "in sheet " + parentSheet + " of this workbook";
            message = label + " '" + p.text() + "' is neither in " + parent + " nor " + where + ".";
        }
        return new Finding(row.sourceRow(), origin == null ? null : origin.column(),
                origin == null ? null : origin.cell(), ref.column(), RULE, Severity.ERROR, message,
                origin == null ? p.value().text() : origin.text());
    }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT);
    }
}
