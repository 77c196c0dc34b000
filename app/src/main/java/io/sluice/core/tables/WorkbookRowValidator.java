package io.sluice.core.tables;

import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.RowValidator;
import io.sluice.core.review.RowVerdict;
import io.sluice.core.review.SelfReferencePass;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Validates an edited row of one sheet of a workbook review again: expands it into the target rows of every table
 * its sheet feeds and runs each table's rules on them, as the workbook's validation did. What one row cannot judge
 * is left to others: repeats within the workbook (a full validation) and the references to parent rows, which the
 * workbook review re-checks across all its sheets after every change; both are named in {@link #fileWideRules()},
 * so a row's earlier findings of them stay until then.
 */
public final class WorkbookRowValidator implements RowValidator {

    /**
     * One table part of the sheet: its expansion, its rules without the uniqueness ones, and those judging a row by
     * the earlier rows (a foreign key of the table to itself that is no reference of the profile), or null.
     */
    private record Part(String table, String sheet, TableExpansion expansion, RuleSet rules,
                        RuleSet selfReferences) {
    }

    private final List<Part> parts;
    private final Set<String> fileWide;

    private WorkbookRowValidator(List<Part> parts, Set<String> fileWide) {
        this.parts = parts;
        this.fileWide = fileWide;
    }

    /**
     * Compiles the parts of {@code profile} that feed {@code tables} (profile spelling) from a sheet with these
     * column headers; fails with one sentence as the workbook's validation would.
     */
    public static WorkbookRowValidator of(Profile profile, List<String> tables, String sheet, long headerRow,
                                          List<String> columns, TargetDatabase db) {
        Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wanted.addAll(tables);
        Function<String, TableInfo> introspected = db.tablesIntrospectedOnce();
        List<Part> parts = new ArrayList<>();
        Set<String> fileWide = new TreeSet<>();
        fileWide.add(ReferenceCheck.RULE);
        for (TableMapping part : WorkbookValidation.parentsFirst(profile)) {
            if (!wanted.contains(part.table())) {
                continue;
            }
            PartCheck check = PartCheck.compile(profile, part, sheet, headerRow, columns, introspected, db);
            fileWide.addAll(check.rules().fileWideRules());
            parts.add(new Part(check.table(), sheet, check.expansion(), check.rules().withoutUniqueness(),
                    check.rules().selfReferences().orElse(null)));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("No part of profile '" + profile.name() + "' feeds " + tables);
        }
        return new WorkbookRowValidator(List.copyOf(parts), Set.copyOf(fileWide));
    }

    /**
     * The rules of one table of the sheet under {@code profile}.
     *
     * @param described  every rule it runs, the target's and the profile's, as the Rules step lists them
     * @param uniqueness the ids of those judged over the whole workbook (repeats), which no row alone can judge
     */
    public record TableRules(List<RuleInfo> described, Set<String> uniqueness) {

        public TableRules {
            described = List.copyOf(described);
            uniqueness = Set.copyOf(uniqueness);
        }
    }

    /** The rules of one table ({@code table}, as the profile names it) fed by the sheet; compiled as validation does. */
    public static TableRules rulesOf(Profile profile, String table, String sheet, long headerRow, List<String> columns,
                                     TargetDatabase db) {
        TableMapping part = profile.tables().stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part of profile '" + profile.name()
                        + "' maps " + table));
        PartCheck check = PartCheck.compile(profile, part, sheet, headerRow, columns, db.tablesIntrospectedOnce(),
                db);
        return new TableRules(check.rules().described(), check.rules().uniquenessRules());
    }

    @Override
    public List<Finding> validate(SourceRow effectiveRow) {
        return validateAll(List.of(effectiveRow)).get(0).findings();
    }

    @Override
    public List<RowVerdict> validateAll(List<SourceRow> effectiveRows) {
        Map<Long, List<Finding>> byRow = new HashMap<>();
        for (SourceRow row : effectiveRows) {
            byRow.put(row.number(), new ArrayList<>());
        }
        for (Part part : parts) {
            List<MappedRow> mapped = new ArrayList<>();
            for (SourceRow row : effectiveRows) {
                part.expansion().expand(row).forEach(t -> mapped.add(t.values()));
            }
            part.rules().check(mapped, finding -> {
                List<Finding> list = byRow.get(finding.row());
                if (list != null && !fileWide.contains(finding.rule())) {
                    list.add(new TableFinding(part.table(), part.sheet(), finding).forReview());
                }
            });
        }
        List<RowVerdict> verdicts = new ArrayList<>(effectiveRows.size());
        for (SourceRow row : effectiveRows) {
            verdicts.add(new RowVerdict(byRow.get(row.number()), filledCells(row)));
        }
        return verdicts;
    }

    /** The row's non-blank cells: a workbook review's completeness is counted over its sheet's cells. */
    @Override
    public int filledCells(SourceRow effectiveRow) {
        return filled(effectiveRow);
    }

    /** The non-blank cells of a source row, as a workbook review counts a row's completeness. */
    public static int filled(SourceRow row) {
        int filled = 0;
        for (var cell : row.cells()) {
            if (cell.text() != null && !cell.text().isBlank()) {
                filled++;
            }
        }
        return filled;
    }

    @Override
    public Set<String> fileWideRules() {
        return fileWide;
    }

    /**
     * The sheet's tables with a foreign key to themselves that is no reference of the profile: a row whose parent row
     * of the same table is rejected gets a {@code self-fk} finding saying so, as in a review of one table (decision
     * 0088); the references between the sheets are the workbook review's to check.
     */
    @Override
    public List<SelfReferencePass.Table> selfReferenceTables() {
        List<SelfReferencePass.Table> tables = new ArrayList<>();
        for (Part part : parts) {
            if (part.selfReferences() != null) {
                tables.add(new SelfReferencePass.Table(row -> part.expansion().expand(row).stream()
                        .map(TargetRow::values).toList(), part.selfReferences(),
                        f -> new TableFinding(part.table(), part.sheet(), f).forReview()));
            }
        }
        return tables;
    }

    @Override
    public String toString() {
        Map<String, String> tables = new LinkedHashMap<>();
        parts.forEach(p -> tables.put(p.table().toLowerCase(Locale.ROOT), p.sheet()));
        return "WorkbookRowValidator" + tables;
    }
}
