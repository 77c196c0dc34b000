package io.sluice.core.rules;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for trying one profile rule at a time, with no database: a hand-written concrete-mix table, source headers that
 * differ from the target names (so a message shows which one it uses), and cells mapped through the real
 * {@link Mapper} on source row 17.
 */
final class RuleRows {

    /** Source header by target column, in table order. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("mix_code", "Mix code");
        HEADERS.put("cement_kg", "Cement (kg)");
        HEADERS.put("water_kg", "Water (kg)");
        HEADERS.put("age_days", "Age (days)");
        HEADERS.put("strength_mpa", "Strength (MPa)");
        HEADERS.put("supplier_code", "Supplier");
        HEADERS.put("cast_date", "Cast date");
    }

    private static final TableInfo TABLE = new TableInfo(null, "concrete_mix", List.of(
            new ColumnInfo("mix_code", JDBCType.VARCHAR, "VARCHAR", true, 20, null, null, null, false),
            numeric("cement_kg", 6, 1),
            numeric("water_kg", 6, 1),
            new ColumnInfo("age_days", JDBCType.INTEGER, "INTEGER", true, null, 32, 0, null, false),
            numeric("strength_mpa", 5, 2),
            new ColumnInfo("supplier_code", JDBCType.VARCHAR, "VARCHAR", true, 10, null, null, null, false),
            new ColumnInfo("cast_date", JDBCType.DATE, "DATE", true, null, null, null, null, false)),
            List.of(), List.of(), List.of(), List.of());

    private static final Mapper MAPPER = mapper();

    private RuleRows() {
    }

    /** The rule a spec describes, built as a run would build it. */
    static RowRule rule(RuleSpec spec) {
        return new ProfileRowRules("concrete", List.copyOf(HEADERS.keySet())).build(spec);
    }

    /** A row of source row 17 with the given cell texts by target column; other cells are empty. */
    static MappedRow row(Map<String, String> texts) {
        List<Cell> cells = new ArrayList<>();
        for (String target : HEADERS.keySet()) {
            cells.add(Cell.text(texts.getOrDefault(target, "")));
        }
        return MAPPER.map(new SourceRow(17, cells));
    }

    /** A row with one cell filled. */
    static MappedRow row(String target, String text) {
        return row(Map.of(target, text == null ? "" : text));
    }

    /** What the rule reports for the row. */
    static List<Finding> check(RowRule rule, MappedRow row) {
        List<Finding> findings = new ArrayList<>();
        rule.check(row, findings::add);
        return findings;
    }

    /** A spec with only the fields most rules need; the others are null. */
    static RuleSpec spec(String type, String column) {
        return new RuleSpec(null, type, column, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Mapper mapper() {
        List<ColumnMapping> mappings = new ArrayList<>();
        HEADERS.forEach((target, header) -> mappings.add(ColumnMapping.of(header, target)));
        Profile profile = new Profile(null, 0, "concrete", null, "concrete_mix", mappings, List.of(), List.of(),
                List.of(), "insert", null);
        return Mapper.compile(profile, List.copyOf(HEADERS.values()), TABLE);
    }

    private static ColumnInfo numeric(String name, int precision, int scale) {
        return new ColumnInfo(name, JDBCType.NUMERIC, "NUMERIC", true, null, precision, scale, null, false);
    }
}
