package io.sluice.core.tables;

import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One table part of a version-2 profile made ready to check: its row expansion over its sheet, the same rules a
 * version-1 profile of that table gets ({@link RuleSet#build}), and the references to other parts of the profile.
 * A reference column holds the parent's natural key, not the table's own value, so the rules are built over a view
 * of the table in which such a column is typed as that key and the target's checks that would compare it with the
 * table's own values (its foreign key, keys holding it) are left to {@link ReferenceCheck}, which knows the
 * workbook's own parents too. Holds state (keys seen): one per pass.
 */
final class PartCheck {

    /** A column of this part naming a row of a parent part by that parent's key column. */
    record ParentRef(String column, String parentTable, String parentKeyColumn) {
    }

    private final TableMapping part;
    private final TableExpansion expansion;
    private final RuleSet rules;
    private final List<ParentRef> references;
    private final String sheet;
    long targetRows;
    long importable;
    long errors;
    long warnings;

    private PartCheck(TableMapping part, TableExpansion expansion, RuleSet rules, List<ParentRef> references,
                      String sheet) {
        this.part = part;
        this.expansion = expansion;
        this.rules = rules;
        this.references = references;
        this.sheet = sheet;
    }

    /** Compiles the part against its opened sheet; {@code tables} gives a target table by name. */
    static PartCheck compile(Profile profile, TableMapping part, SourceTable source,
                             Function<String, TableInfo> tables, TargetDatabase db) {
        return compile(profile, part, source.sheet(), source.headerRow(), source.columns(), tables, db);
    }

    /** Compiles the part for a sheet known by its name, header row and column headers. */
    static PartCheck compile(Profile profile, TableMapping part, String sheet, long headerRow, List<String> columns,
                             Function<String, TableInfo> tables, TargetDatabase db) {
        TableExpansion expansion = TableExpansion.compile(profile, part, sheet, headerRow, columns, tables);
        TableInfo table = tables.apply(part.table());
        List<ParentRef> references = references(profile, part, table, tables);
        Set<String> referencing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        references.forEach(r -> referencing.add(r.column()));
        TableInfo view = ruleView(table, references, tables);
        Profile single = profile.tablePart(part);
        boolean keyHoldsReference = single.naturalKey().stream().anyMatch(referencing::contains);
        if (keyHoldsReference) {
            // the key's values are parents' natural keys until the commit resolves them: whether such a row is
            // already in the table cannot be asked before then (a repeat within the workbook still is a finding)
            single = single.withCommitMode("upsert");
        }
        Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        targets.addAll(part.targetColumns());
        List<ColumnInfo> mapped = view.columns().stream().filter(c -> targets.contains(c.name())).toList();
        RuleSet rules = RuleSet.build(single, view, mapped, db);
        return new PartCheck(part, expansion, rules, references, sheet);
    }

    /**
     * The part's references: those the profile declares, and each single-column foreign key of the target onto
     * another part of the profile through that part's natural key (the value is then the parent's key itself, which
     * may be new in the same workbook).
     */
    private static List<ParentRef> references(Profile profile, TableMapping part, TableInfo table,
                                              Function<String, TableInfo> tables) {
        List<ParentRef> refs = new ArrayList<>();
        for (TableReference r : part.references()) {
            TableMapping parent = partOf(profile, r.table());
            String key = !r.key().isEmpty() ? r.key().get(0)
                    : parent == null || parent.naturalKey().isEmpty() ? null : parent.naturalKey().get(0);
            if (parent != null && key != null) {
                refs.add(new ParentRef(column(table, r.column()), parent.table(), key));
            }
        }
        Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        targets.addAll(part.targetColumns());
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().size() != 1 || !targets.contains(fk.columns().get(0))
                    || refs.stream().anyMatch(r -> r.column().equalsIgnoreCase(fk.columns().get(0)))) {
                continue;
            }
            // the part whose table the key points at, never one of the same name in another schema
            TableMapping parent = profile.tables().stream().filter(t -> fk.pointsAt(tables.apply(t.table())))
                    .findFirst().orElse(null);
            if (parent != null && parent.naturalKey().size() == 1
                    && parent.naturalKey().get(0).equalsIgnoreCase(fk.refColumns().get(0))) {
                refs.add(new ParentRef(column(table, fk.columns().get(0)), parent.table(),
                        parent.naturalKey().get(0)));
            }
        }
        return List.copyOf(refs);
    }

    private static TableMapping partOf(Profile profile, String table) {
        String wanted = table.toLowerCase(Locale.ROOT);
        int dot = wanted.lastIndexOf('.');
        String bare = dot < 0 ? wanted : wanted.substring(dot + 1);
        return profile.tables().stream().filter(t -> {
            String name = t.table().toLowerCase(Locale.ROOT);
            return name.equals(wanted) || name.equals(bare) || name.endsWith("." + bare);
        }).findFirst().orElse(null);
    }

    private static String column(TableInfo table, String name) {
        return table.column(name).map(ColumnInfo::name).orElse(name);
    }

    /**
     * The table as its rules see it: each reference column typed as the parent key it holds, and without the
     * foreign keys, keys and CHECKs that involve a reference column.
     */
    private static TableInfo ruleView(TableInfo table, List<ParentRef> references,
                                      Function<String, TableInfo> tables) {
        Set<String> referencing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        for (ParentRef r : references) {
            referencing.add(r.column());
            ColumnInfo key = tables.apply(r.parentTable()).column(r.parentKeyColumn()).orElse(null);
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo own = columns.get(i);
                if (key != null && own.name().equalsIgnoreCase(r.column())) {
                    columns.set(i, new ColumnInfo(own.name(), key.type(), key.typeName(), own.nullable(),
                            key.length(), key.precision(), key.scale(), null, false));
                }
            }
        }
        List<String> primaryKey = table.primaryKey().stream().anyMatch(referencing::contains) ? List.of()
                : table.primaryKey();
        List<List<String>> uniqueKeys = table.uniqueKeys().stream()
                .filter(k -> k.stream().noneMatch(referencing::contains)).toList();
        List<ForeignKey> foreignKeys = table.foreignKeys().stream()
                .filter(fk -> fk.columns().stream().noneMatch(referencing::contains)).toList();
        List<CheckConstraint> checks = table.checks().stream()
                .filter(c -> referencing.stream().noneMatch(r -> mentions(c, r))).toList();
        return table.with(columns, primaryKey, uniqueKeys, foreignKeys, checks);
    }

    private static boolean mentions(CheckConstraint check, String column) {
        return check.expression() != null
                && check.expression().toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT));
    }

    TableMapping part() {
        return part;
    }

    TableExpansion expansion() {
        return expansion;
    }

    RuleSet rules() {
        return rules;
    }

    List<ParentRef> references() {
        return references;
    }

    String sheet() {
        return sheet;
    }

    String table() {
        return expansion.table();
    }
}
