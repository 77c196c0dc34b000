package io.sluice.core.tables;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.profile.Unpivot;
import io.sluice.core.source.Cell;
import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One table part of a version-2 profile, compiled against its sheet's columns and the target tables: turns each
 * source row into the rows it makes for that table, one for a plain part, one per non-blank unpivoted cell. Values
 * go through the same {@link Mapper} as a single-table import (transforms, null markers, types), compiled over the
 * part's table with each reference column typed as the parent's natural key. Opens no database; thread-safe once
 * compiled.
 */
public final class TableExpansion {

    private final String table;
    private final String sheet;
    private final long headerRow;
    private final int legacyId;
    private final List<ReferencePlan> references;
    private final List<Branch> branches;
    private final boolean unpivot;

    private TableExpansion(String table, String sheet, long headerRow, int legacyId, List<ReferencePlan> references,
                           List<Branch> branches, boolean unpivot) {
        this.table = table;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.legacyId = legacyId;
        this.references = references;
        this.branches = branches;
        this.unpivot = unpivot;
    }

    /** Compiles a part for an opened sheet. */
    public static TableExpansion compile(Profile profile, TableMapping part, SourceTable source,
                                         Function<String, TableInfo> tables) {
        return compile(profile, part, source.sheet(), source.headerRow(), source.columns(), tables);
    }

    /**
     * Checks the part against the sheet's columns and the target tables, and compiles it.
     *
     * @param sheet         the sheet's name, kept in every row's origins
     * @param headerRow     the sheet's 1-based header row, the row an unpivoted header's origin points at
     * @param sourceColumns the sheet's column headers
     * @param tables        the target table of a name (the part's table and the parents of its references), e.g.
     *                      {@code TargetDatabase::table}
     * @throws SluiceException (input) naming the first problem: an invalid profile, a part not of this profile, a
     *                         column the sheet or a table lacks, a reference column the table lacks
     */
    public static TableExpansion compile(Profile profile, TableMapping part, String sheet, long headerRow,
                                         List<String> sourceColumns, Function<String, TableInfo> tables) {
        String where = "Profile '" + (profile.name() == null ? "unnamed" : profile.name()) + "'";
        ProfileProblem problem = ProfileValidator.firstProblem(profile);
        if (problem != null) {
            throw SluiceException.input(where + ": " + problem.message() + ".");
        }
        if (!profile.mapsSeveralTables() || !profile.tables().contains(part)) {
            throw new IllegalArgumentException("The part for " + part.table() + " is not a part of " + where);
        }
        TableInfo target = lookUp(tables, part.table(), where);
        List<ReferencePlan> references = new ArrayList<>();
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo column : target.columns()) {
            TableReference reference = part.referenceOf(column.name()).orElse(null);
            if (reference == null) {
                columns.add(column);
                continue;
            }
            TableMapping parentPart = profile.tables().stream()
                    .filter(t -> t.table().equalsIgnoreCase(reference.table())).findFirst().orElseThrow();
            String keyName = reference.key().isEmpty() ? parentPart.naturalKey().get(0) : reference.key().get(0);
            TableInfo parent = lookUp(tables, parentPart.table(), where);
            ColumnInfo key = parent.column(keyName).orElseThrow(() -> SluiceException.input(where + ": reference "
                    + part.table() + "." + reference.column() + " goes through column '" + keyName + "', which"
                    + " table " + parent.qualifiedName() + " does not have."));
            // the column holds the parent's natural key until the commit resolves it: type it as that key
            columns.add(new ColumnInfo(column.name(), key.type(), key.typeName(), column.nullable(), key.length(),
                    key.precision(), key.scale(), null, false));
            references.add(new ReferencePlan(column.name(), parent.name(), key.name()));
        }
        for (TableReference reference : part.references()) {
            if (target.column(reference.column()).isEmpty()) {
                throw SluiceException.input(where + ": reference " + part.table() + "." + reference.column()
                        + " names a column that table " + target.qualifiedName() + " does not have.");
            }
        }
        TableInfo typed = target.with(columns, target.primaryKey(), target.uniqueKeys(), target.foreignKeys(),
                target.checks());
        int legacy = part.legacyId() == null ? -1 : indexOf(part.legacyId(), sourceColumns, where);
        List<Branch> branches = new ArrayList<>();
        Unpivot unpivot = part.unpivot();
        if (unpivot == null) {
            Mapper mapper = Mapper.compile(profile.tablePart(part), sourceColumns, typed);
            branches.add(new Branch(mapper, -1, null, null, part.columns()));
        } else {
            for (String name : unpivot.columns()) {
                int index = indexOf(name, sourceColumns, where + ", table " + part.table() + " (unpivot)");
                String header = sourceColumns.get(index);
                List<ColumnMapping> mappings = new ArrayList<>(part.columns());
                mappings.add(new ColumnMapping(unpivot.value().target(), header, null, null, null,
                        unpivot.value().transforms(), null, null));
                if (unpivot.header() != null) {
                    mappings.add(new ColumnMapping(unpivot.header().target(), null, null, null, header,
                            unpivot.header().transforms(), null, null));
                }
                Profile single = profile.tablePart(part);
                Profile branchProfile = new Profile(single.format(), single.version(), single.name(),
                        single.source(), single.table(), mappings, single.nullMarkers(), single.rules(),
                        single.naturalKey(), single.commitMode(), single.legacyId());
                branches.add(new Branch(Mapper.compile(branchProfile, sourceColumns, typed), index,
                        unpivot.header() == null ? null : unpivot.header().target(), unpivot.value().target(),
                        mappings));
            }
        }
        List<Branch> compiled = new ArrayList<>();
        for (Branch branch : branches) {
            compiled.add(branch.withSources(sourceColumns, where));
        }
        return new TableExpansion(target.name(), sheet, headerRow, legacy, List.copyOf(references),
                List.copyOf(compiled), unpivot != null);
    }

    /** The target columns every row of this part maps, in table order. */
    public List<ColumnInfo> targetColumns() {
        return branches.get(0).mapper().targetColumns();
    }

    /** The target table this part fills, as the target names it. */
    public String table() {
        return table;
    }

    /**
     * The rows this source row makes for the table: exactly one for a plain part; for an unpivot, one per unpivoted
     * cell that holds a value, in the profile's column order (a blank cell, or one that a null marker or
     * {@code null-if} turns into no value, makes none). Never throws for bad cell values: they are in the values'
     * errors.
     */
    public List<TargetRow> expand(SourceRow row) {
        List<TargetRow> rows = new ArrayList<>(branches.size());
        String legacy = legacyId < 0 || row.cell(legacyId).isBlank() ? null : row.cell(legacyId).text();
        for (Branch branch : branches) {
            MappedRow mapped = branch.mapper().map(row);
            if (unpivot) {
                Cell cell = row.cell(branch.column());
                MappedValue value = mapped.get(branch.valueTarget());
                if (cell.isBlank() || (value.value() == null && !value.hasError())) {
                    continue;
                }
            }
            Map<String, ValueOrigin> origins = new HashMap<>();
            for (SourcePlan plan : branch.sources()) {
                origins.put(plan.key(), plan.origin(sheet, row));
            }
            if (branch.headerTarget() != null) {
                String header = branch.headerText();
                String cell = Columns.letter(branch.column()) + headerRow;
                origins.put(key(branch.headerTarget()), new ValueOrigin(sheet, headerRow, header, cell, header));
                MappedValue v = mapped.get(branch.headerTarget());
                mapped = mapped.with(branch.headerTarget(), new MappedValue(v.value(), v.text(), header, cell,
                        v.error()));
            }
            List<ParentKey> keys = new ArrayList<>(references.size());
            for (ReferencePlan reference : references) {
                MappedValue v = mapped.get(reference.column());
                keys.add(new ParentKey(reference.column(), reference.parentTable(), reference.parentKeyColumn(),
                        v == null ? null : v.value()));
            }
            rows.add(new TargetRow(table, sheet, row.number(), legacy, mapped, origins, keys));
        }
        return rows;
    }

    @Override
    public String toString() {
        return "TableExpansion[" + table + " from " + sheet + ", " + branches.size() + " row(s) per source row]";
    }

    private static TableInfo lookUp(Function<String, TableInfo> tables, String name, String where) {
        TableInfo table = tables.apply(name);
        if (table == null) {
            throw SluiceException.input(where + " maps table " + name + ", which the target does not have.");
        }
        return table;
    }

    /** A source column's index: exact header first, then ignoring case and surrounding spaces, as the Mapper does. */
    private static int indexOf(String name, List<String> sourceColumns, String where) {
        int exact = sourceColumns.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < sourceColumns.size(); i++) {
            if (sourceColumns.get(i) != null && sourceColumns.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw SluiceException.input(where + " needs source column '" + name + "', which the sheet does not have"
                + " (its columns: " + String.join(", ", sourceColumns) + ").");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A reference column and the parent key it names. */
    private record ReferencePlan(String column, String parentTable, String parentKeyColumn) {
    }

    /** Where one mapped target column reads its cells, for its origin. */
    private record SourcePlan(String key, String column, int[] indexes, String constant) {

        ValueOrigin origin(String sheet, SourceRow row) {
            if (constant != null) {
                return new ValueOrigin(sheet, row.number(), null, null, constant);
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < indexes.length; i++) {
                text.append(i == 0 ? "" : " + ").append(row.cell(indexes[i]).text());
            }
            return new ValueOrigin(sheet, row.number(), column, Columns.letter(indexes[0]) + row.number(),
                    text.toString());
        }
    }

    /**
     * One compiled mapping: the whole part, or one unpivoted column (its index, the header's and the cell's target
     * columns) together with the part's plain mappings.
     */
    private record Branch(Mapper mapper, int column, String headerTarget, String valueTarget,
                          List<ColumnMapping> mappings, List<SourcePlan> sources, String headerText) {

        Branch(Mapper mapper, int column, String headerTarget, String valueTarget, List<ColumnMapping> mappings) {
            this(mapper, column, headerTarget, valueTarget, mappings, List.of(), null);
        }

        Branch withSources(List<String> sourceColumns, String where) {
            List<SourcePlan> plans = new ArrayList<>();
            for (ColumnMapping m : mappings) {
                if (headerTarget != null && m.target().equalsIgnoreCase(headerTarget)) {
                    continue; // its origin is the header cell, made per row from headerText
                }
                if (m.constant() != null) {
                    plans.add(new SourcePlan(key(m.target()), null, null, m.constant()));
                    continue;
                }
                int[] indexes = new int[m.sourceColumns().size()];
                List<String> names = new ArrayList<>();
                for (int i = 0; i < indexes.length; i++) {
                    indexes[i] = indexOf(m.sourceColumns().get(i), sourceColumns, where);
                    names.add(sourceColumns.get(indexes[i]));
                }
                plans.add(new SourcePlan(key(m.target()), String.join(" + ", names), indexes, null));
            }
            String header = column < 0 ? null : sourceColumns.get(column);
            return new Branch(mapper, column, headerTarget, valueTarget, mappings, List.copyOf(plans),
                    header);
        }
    }
}
