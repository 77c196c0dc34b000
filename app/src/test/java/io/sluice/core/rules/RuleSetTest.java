package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule type, derived from the sample schema's constraints or written in a profile, on real databases. */
class RuleSetTest {

    private static final List<String> COLUMNS = List.of("mix_code", "cement_kg", "water_kg", "fly_ash_kg",
            "coarse_agg_kg", "fine_agg_kg", "w_c_ratio", "age_days", "strength_mpa", "supplier_code");
    private static final Map<Engine, TargetDatabase> DATABASES = new EnumMap<>(Engine.class);

    /** A valid row; tests override single values. */
    private static Map<String, String> validRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mix_code", "DS1-0001");
        row.put("cement_kg", "350");
        row.put("water_kg", "175");
        row.put("fly_ash_kg", "50");
        row.put("coarse_agg_kg", "1050");
        row.put("fine_agg_kg", "780");
        row.put("w_c_ratio", "0.5");
        row.put("age_days", "28");
        row.put("strength_mpa", "41.5");
        row.put("supplier_code", "NORD");
        return row;
    }

    private static synchronized TargetDatabase db(Engine engine) {
        return DATABASES.computeIfAbsent(engine, e -> {
            TestDatabases.Database d = e.fresh();
            SampleSchema.install(d.url(), d.user(), d.password());
            return TargetDatabase.open(d.url(), d.user(), d.password());
        });
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(TargetDatabase::close);
    }

    private static Profile profile(String mode, List<RuleSpec> rules) {
        List<ColumnMapping> mappings = new ArrayList<>();
        for (String c : COLUMNS) {
            mappings.add(ColumnMapping.of(c, c));
        }
        return new Profile(null, 0, "test", null, "concrete_mix", mappings, List.of("N/A"), rules,
                List.of(), mode, null);
    }

    @SafeVarargs
    private static List<Finding> check(Engine engine, Profile profile, Map<String, String>... rows) {
        TargetDatabase db = db(engine);
        TableInfo table = db.table(profile.table());
        Mapper mapper = Mapper.compile(profile, COLUMNS, table);
        RuleSet rules = RuleSet.build(profile, table, mapper.targetColumns(), db);
        List<MappedRow> mapped = new ArrayList<>();
        long number = 2;
        for (Map<String, String> row : rows) {
            List<Cell> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                cells.add(Cell.text(row.get(c)));
            }
            mapped.add(mapper.map(new SourceRow(number++, cells)));
        }
        List<Finding> findings = new ArrayList<>();
        rules.check(mapped, findings::add);
        return findings;
    }

    private static List<Finding> check(Map<String, String> row, List<RuleSpec> rules) {
        return check(Engine.H2, profile("insert", rules), row);
    }

    private static Map<String, String> with(String column, String value) {
        Map<String, String> row = validRow();
        row.put(column, value);
        return row;
    }

    private static RuleSpec rule(String id, String type, String column) {
        return new RuleSpec(id, type, column, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void acceptsAValidRow() {
        assertThat(check(validRow(), List.of())).isEmpty();
    }

    @Test
    void reportsMissingRequiredValueOnItsCell() {
        List<Finding> findings = check(with("coarse_agg_kg", ""), List.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("required");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.row()).isEqualTo(2);
            assertThat(f.cell()).isEqualTo("E2");
            assertThat(f.column()).isEqualTo("coarse_agg_kg");
            assertThat(f.message()).contains("required");
        });
    }

    @Test
    void treatsNullMarkerAsMissing() {
        assertThat(check(with("fine_agg_kg", "N/A"), List.of())).extracting(Finding::rule).containsExactly("required");
    }

    @Test
    void reportsTextInNumericColumnAsTypeError() {
        List<Finding> findings = check(with("water_kg", "about 180"), List.of());
        assertThat(findings).extracting(Finding::rule).containsExactly("type");
        assertThat(findings.get(0).value()).isEqualTo("about 180");
    }

    @Test
    void reportsTextLongerThanTheColumn() {
        List<Finding> findings = check(with("mix_code", "X".repeat(21)), List.of());
        assertThat(findings).extracting(Finding::rule).containsExactly("length");
        assertThat(findings.get(0).message()).contains("21 characters").contains("at most 20");
    }

    @Test
    void reportsNumberTooLargeForPrecisionAndWarnsAboutRounding() {
        assertThat(check(with("water_kg", "123456"), List.of())).extracting(Finding::rule)
                .containsExactly("precision");
        List<Finding> rounding = check(with("fly_ash_kg", "50.25"), List.of());
        assertThat(rounding).extracting(Finding::rule).containsExactly("scale");
        assertThat(rounding.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(rounding.get(0).message()).contains("50.3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsANumberThatRoundsUpPastThePrecisionOfItsColumnAsAnError(Engine engine) {
        Profile profile = profile("insert", List.of());

        List<Finding> findings = check(engine, profile, with("water_kg", "99999.96"));

        assertThat(findings).extracting(Finding::rule).containsExactly("precision");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).message()).isEqualTo("water_kg 99999.96 rounds to 100000.0 at 1 decimal places,"
                + " 6 digits before the decimal point; the column holds at most 5.");
        assertThat(check(engine, profile, with("water_kg", "99999.94"))).extracting(Finding::rule)
                .containsExactly("scale");
    }

    @Test
    void reportsAWholeNumberOnlyPastTheBoundsOfItsIntegerColumn() {
        assertThat(check(with("age_days", "2147483647"), List.of())).extracting(Finding::rule)
                .doesNotContain("integer-range");
        assertThat(check(with("age_days", "-2147483648"), List.of())).extracting(Finding::rule)
                .doesNotContain("integer-range");
        assertThat(check(with("age_days", "2147483648"), List.of())).extracting(Finding::rule)
                .contains("integer-range");
        assertThat(check(with("age_days", "-2147483649"), List.of())).extracting(Finding::rule)
                .contains("integer-range");
        // beyond a long: the mapping already refuses it as too large for a whole number
        assertThat(check(with("age_days", "99999999999999999999"), List.of())).extracting(Finding::rule)
                .contains("type").doesNotContain("integer-range");
    }

    @Test
    void doesNotWarnWhenTheRoundedValueIsWhatTheCellShows() {
        Profile p = profile("insert", List.of());
        TargetDatabase db = db(Engine.H2);
        TableInfo table = db.table("concrete_mix");
        Mapper mapper = Mapper.compile(p, COLUMNS, table);
        RuleSet rules = RuleSet.build(p, table, mapper.targetColumns(), db);
        List<Cell> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            cells.add(c.equals("w_c_ratio") ? Cell.number("0.500", new BigDecimal("0.50000000000000004"))
                    : Cell.text(validRow().get(c)));
        }
        List<Finding> findings = new ArrayList<>();
        rules.check(List.of(mapper.map(new SourceRow(2, cells))), findings::add);
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void turnsSimpleChecksIntoRules(Engine engine) {
        Profile p = profile("insert", List.of());
        assertThat(check(engine, p, with("cement_kg", "0"))).extracting(Finding::rule)
                .containsExactly("check:" + checkName(engine, "ck_cement_positive"));
        assertThat(check(engine, p, with("age_days", "5"))).extracting(Finding::rule)
                .containsExactly("check:" + checkName(engine, "ck_age_days"));
        assertThat(check(engine, p, with("w_c_ratio", "0.15"))).extracting(Finding::rule)
                .containsExactly("check:" + checkName(engine, "ck_wc_ratio"));
        assertThat(check(engine, p, with("strength_mpa", "250"))).extracting(Finding::rule)
                .containsExactly("check:" + checkName(engine, "ck_strength"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void asksTheDatabaseForComplexChecks(Engine engine) {
        Map<String, String> row = with("cement_kg", "1100");
        row.put("fly_ash_kg", "150");
        List<Finding> findings = check(engine, profile("insert", List.of()), row);
        assertThat(findings).extracting(Finding::rule)
                .containsExactly("check:" + checkName(engine, "ck_binder_total"));
        assertThat(findings.get(0).message()).containsIgnoringCase("fly_ash_kg");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void checksTheBinderTotalAfterRoundingEachValueToItsColumnsScale(Engine engine) {
        Profile p = profile("insert", List.of());
        // NUMERIC(6,1): 1049.95 is stored as 1050.0 and 150.04 as 150.0, so the total is 1200.0, allowed
        Map<String, String> atTheLimit = with("cement_kg", "1049.95");
        atTheLimit.put("fly_ash_kg", "150.04");
        // 1049.96 + 150.05 is stored as 1050.0 + 150.1, over the limit
        Map<String, String> over = with("cement_kg", "1049.96");
        over.put("fly_ash_kg", "150.05");
        Map<String, String> unknownFlyAsh = with("cement_kg", "1199.9");
        unknownFlyAsh.put("fly_ash_kg", "");

        assertThat(check(engine, p, atTheLimit)).extracting(Finding::rule)
                .doesNotContain("check:" + checkName(engine, "ck_binder_total"));
        assertThat(check(engine, p, over)).extracting(Finding::rule)
                .contains("check:" + checkName(engine, "ck_binder_total"));
        assertThat(check(engine, p, unknownFlyAsh)).extracting(Finding::rule)
                .doesNotContain("check:" + checkName(engine, "ck_binder_total"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leavesANumberTooLongForTheDatabasesCastToTheDatabase(Engine engine) {
        // 1,001 digits: more than the database can cast, so the database is asked and (as before) finds no violation
        Map<String, String> row = with("cement_kg", "1" + "0".repeat(1000));

        List<Finding> findings = check(engine, profile("insert", List.of()), row);

        assertThat(findings).isNotEmpty().extracting(Finding::rule)
                .doesNotContain("check:" + checkName(engine, "ck_binder_total"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsUnknownForeignKey(Engine engine) {
        List<Finding> findings = check(engine, profile("insert", List.of()), with("supplier_code", "ACME"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("fk");
            assertThat(f.message()).contains("'ACME'").containsIgnoringCase("supplier");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsRepeatedKeyWithTheFirstRow(Engine engine) {
        Map<String, String> second = with("cement_kg", "360");
        List<Finding> findings = check(engine, profile("insert", List.of()), validRow(), second);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("duplicate-key");
            assertThat(f.row()).isEqualTo(3);
            assertThat(f.message()).contains("row 2");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void judgesKeysAlreadyInTheTableByCommitMode(Engine engine) throws SQLException {
        TargetDatabase db = db(engine);
        Connection c = db.connection();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg, "
                    + "age_days) VALUES ('EXISTING-1', 300, 150, 1000, 800, 28)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            if (!e.getMessage().toLowerCase().contains("unique") && !e.getMessage().toLowerCase().contains("primary")) {
                throw e;
            }
        }
        Map<String, String> row = with("mix_code", "EXISTING-1");
        assertThat(check(engine, profile("insert", List.of()), row)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unique-table");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(check(engine, profile("skip-existing", List.of()), row)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(check(engine, profile("upsert", List.of()), row)).isEmpty();
    }

    /**
     * The sample's supplier NORD is 'Nordcem AB', and name is a second unique key: a row that skip-existing skips,
     * or that upsert updates in place, holds that name without conflict; the name on another code still conflicts.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void judgesAnotherUniqueKeyByTheRowThatHoldsIt(Engine engine) {
        String[] sameRow = {"NORD", "Nordcem AB"};
        String[] otherCode = {"NEWC", "Nordcem AB"};
        String[] otherRowsCode = {"ALPC", "Nordcem AB"};
        for (String mode : List.of("skip-existing", "upsert")) {
            assertThat(checkSupplier(engine, mode, sameRow)).as(mode).noneMatch(f -> f.severity() == Severity.ERROR);
            assertThat(checkSupplier(engine, mode, otherCode)).as(mode).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("unique-table");
                assertThat(f.column()).isEqualTo("name");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
            });
        }
        assertThat(checkSupplier(engine, "upsert", otherRowsCode)).singleElement()
                .satisfies(f -> assertThat(f.column()).isEqualTo("name"));
        assertThat(checkSupplier(engine, "skip-existing", otherRowsCode))
                .noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(checkSupplier(engine, "insert", sameRow)).extracting(Finding::column)
                .containsExactlyInAnyOrder("supplier_code", "name");
    }

    private static List<Finding> checkSupplier(Engine engine, String mode, String... codeAndName) {
        List<String> columns = List.of("supplier_code", "name");
        Profile profile = new Profile(null, 0, "suppliers", null, "supplier",
                columns.stream().map(c -> ColumnMapping.of(c, c)).toList(), List.of(), List.of(), List.of(), mode,
                null);
        TargetDatabase db = db(engine);
        TableInfo table = db.table("supplier");
        Mapper mapper = Mapper.compile(profile, columns, table);
        RuleSet rules = RuleSet.build(profile, table, mapper.targetColumns(), db);
        MappedRow row = mapper.map(new SourceRow(2, List.of(Cell.text(codeAndName[0]), Cell.text(codeAndName[1]))));
        List<Finding> findings = new ArrayList<>();
        rules.check(List.of(row), findings::add);
        return findings;
    }

    @Test
    void appliesProfileRangeAsWarning() {
        RuleSpec high = new RuleSpec("strength-plausible", "range", "strength_mpa", null, BigDecimal.ZERO,
                new BigDecimal("120"), null, null, null, null, null, null, "warning", null);
        List<Finding> findings = check(with("strength_mpa", "150"), List.of(high));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("strength-plausible");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("150").contains("120");
        });
    }

    @Test
    void appliesPatternAndAllowedValues() {
        RuleSpec pattern = new RuleSpec("mix-code-format", "pattern", "mix_code", null, null, null,
                "DS\\d-\\d{4}", null, null, null, null, null, null, null);
        RuleSpec allowed = new RuleSpec(null, "allowed", "supplier_code", null, null, null, null,
                List.of("NORD", "ALPC"), null, null, null, null, null, null);
        assertThat(check(with("mix_code", "ds1-12"), List.of(pattern))).extracting(Finding::rule)
                .containsExactly("mix-code-format");
        assertThat(check(with("supplier_code", "CEMS"), List.of(allowed))).extracting(Finding::rule)
                .containsExactly("allowed:supplier_code");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void looksUpValuesInAnotherTable(Engine engine) {
        RuleSpec lookup = new RuleSpec("supplier-known", "lookup", "supplier_code", null, null, null, null, null,
                "supplier", "supplier_code", null, null, null, null);
        assertThat(check(engine, profile("insert", List.of(lookup)), validRow())).isEmpty();
        assertThat(check(engine, profile("insert", List.of(lookup)), with("supplier_code", "nord")))
                .extracting(Finding::rule).contains("supplier-known");
    }

    @Test
    void requiresAValueOnlyWhenTheConditionHolds() {
        RuleSpec conditional = new RuleSpec("strength-when-old", "required", "strength_mpa", null, null, null, null,
                null, null, null, "age_days >= 28", null, null, null);
        assertThat(check(with("strength_mpa", ""), List.of(conditional))).extracting(Finding::rule)
                .containsExactly("strength-when-old");
        Map<String, String> young = with("strength_mpa", "");
        young.put("age_days", "7");
        assertThat(check(young, List.of(conditional))).isEmpty();
    }

    @Test
    void rejectsRowWhenRatioOutOfRange() {
        RuleSpec ratio = new RuleSpec("wc-ratio", "expression", null, null, new BigDecimal("0.25"),
                new BigDecimal("0.80"), null, null, null, null, null, "water_kg / cement_kg", null, null);
        assertThat(check(validRow(), List.of(ratio))).isEmpty();
        Map<String, String> wet = with("water_kg", "300");
        List<Finding> findings = check(wet, List.of(ratio));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("wc-ratio");
            assertThat(f.value()).isEqualTo("0.8571");
            assertThat(f.message()).contains("water_kg=300").contains("0.25 to 0.80");
        });
    }

    @Test
    void reportsBooleanExpressionThatDoesNotHold() {
        RuleSpec rule = new RuleSpec("aggregates", "expression", null, null, null, null, null, null, null, null,
                null, "coarse_agg_kg > fine_agg_kg", null, null);
        assertThat(check(validRow(), List.of(rule))).isEmpty();
        Map<String, String> row = with("coarse_agg_kg", "700");
        assertThat(check(row, List.of(rule))).extracting(Finding::rule).containsExactly("aggregates");
    }

    @Test
    void refusesRulesThatCannotWork() {
        RuleSpec unknownColumn = new RuleSpec("r1", "range", "no_such_column", null, BigDecimal.ZERO, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> check(validRow(), List.of(unknownColumn)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("no_such_column");
        RuleSpec badRegex = new RuleSpec("r2", "pattern", "mix_code", null, null, null, "([", null, null, null, null,
                null, null, null);
        assertThatThrownBy(() -> check(validRow(), List.of(badRegex)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("regular expression");
        RuleSpec badExpression = new RuleSpec("r3", "expression", null, null, null, null, null, null, null, null,
                null, "water_kg / unknown_col", null, null);
        assertThatThrownBy(() -> check(validRow(), List.of(badExpression)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("unknown_col");
        assertThatThrownBy(() -> check(validRow(), List.of(rule("r4", "telepathy", "mix_code"))))
                .isInstanceOf(SluiceException.class).hasMessageContaining("telepathy");
    }

    private static String checkName(Engine engine, String name) {
        return engine == Engine.H2 ? name.toUpperCase() : name;
    }
}
