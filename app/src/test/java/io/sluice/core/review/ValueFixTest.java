package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.ValueFix.TextCase;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Value fixes on a review validated against the sample schema in H2: cells, findings, undo, redo, reopen, audit. */
class ValueFixTest {

    private static final int MIX_CODE = 0;
    private static final int CEMENT = 1;
    private static final int SUPPLIER = 6;

    private static TargetDatabase db;

    @TempDir
    Path dir;

    private Path file;
    private Review review;
    private ReviewSession session;

    @BeforeAll
    static void target() {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        db = TargetDatabase.open(h2.url(), h2.user(), h2.password());
    }

    @AfterAll
    static void closeTarget() {
        db.close();
    }

    private static Profile profile() {
        List<ColumnMapping> columns = new ArrayList<>();
        for (String c : List.of("mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days",
                "supplier_code")) {
            columns.add(ColumnMapping.of(c, c));
        }
        return new Profile(null, 0, "fix-test", null, "concrete_mix", columns, null, null, null, null, null);
    }

    /**
     * Row 2 valid; row 3 cement not a number and supplier unknown; row 4 age not allowed, supplier in lower case;
     * row 5 repeats row 2's mix code, supplier unknown; row 6 cement with spaces around; row 7 no supplier.
     */
    @BeforeEach
    void validate() throws IOException {
        Path csv = dir.resolve("mix.csv");
        Files.writeString(csv, """
                mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,age_days,supplier_code
                M-1,350,175,1000,800,28,NORD
                M-2,abc,175,1000,800,28,NRD
                M-3,350,175,1000,800,5,nord
                M-1,350,175,1000,800,28,NRD
                m-5,"  35  0 ",175,1000,800,28,NORD
                M-6,360,175,1000,800,28,
                """, StandardCharsets.UTF_8);
        file = dir.resolve("mix.sluice");
        try (ValidationJob job = ValidationJob.prepare(csv, SourceOptions.DEFAULTS, profile(), db);
             Review created = Review.create(file, ReviewStager.info(job, db), job.table().columns());
             ReviewStager stager = new ReviewStager(created)) {
            ValidationSummary summary = job.run(stager, Progress.NONE);
            stager.finish(job.table().issues(), summary);
        }
        openSession();
    }

    private void openSession() {
        review = Review.open(file);
        session = ReviewSession.open(review, ProfileRowValidator.of(profile(), review.columns(), db));
    }

    private void reopen() {
        close();
        openSession();
    }

    @AfterEach
    void close() {
        session.close();
        review.close();
    }

    static Stream<Arguments> fixes() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("NRD", "NORD");
        pairs.put("nord", "NORD");
        return Stream.of(
                Arguments.of("replace many pairs", SUPPLIER, new ValueFix.Replace(pairs), 3),
                Arguments.of("replace one value", SUPPLIER, ValueFix.Replace.of("NRD", "NORD"), 2),
                Arguments.of("blank out a value", SUPPLIER, ValueFix.Replace.of("NRD", ""), 2),
                Arguments.of("literal within the cell", MIX_CODE, new ValueFix.FindReplace("M-", "MX-", false,
                        false), 5),
                Arguments.of("regex with a group", MIX_CODE, new ValueFix.FindReplace("(?i)m-(\\d+)", "MIX$1", true,
                        true), 6),
                Arguments.of("set a value", CEMENT, new ValueFix.SetValue("350"), 3),
                Arguments.of("blank the column", SUPPLIER, new ValueFix.Blank(), 5),
                Arguments.of("trim", CEMENT, new ValueFix.Trim(), 1),
                Arguments.of("collapse spaces", CEMENT, new ValueFix.CollapseSpaces(), 1),
                Arguments.of("upper case", SUPPLIER, new ValueFix.ChangeCase(TextCase.UPPER), 1),
                Arguments.of("lower case", SUPPLIER, new ValueFix.ChangeCase(TextCase.LOWER), 4),
                Arguments.of("title case", MIX_CODE, new ValueFix.ChangeCase(TextCase.TITLE), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void fixChangesWhatItsPreviewSaidAndUndoRestoresCellsAndFindingsExactly(String name, int column, ValueFix fix,
                                                                             int cells) {
        Snapshot before = snapshot();
        FixPreview preview = session.previewFix(column, RowFilter.all(), fix, 2, Progress.NONE);
        assertThat(snapshot()).isEqualTo(before);

        FixOutcome outcome = session.fix(column, RowFilter.all(), fix, Progress.NONE);

        assertThat(preview.cells()).isEqualTo(cells);
        assertThat(outcome.cells()).isEqualTo(preview.cells());
        assertThat(preview.examples()).hasSize(Math.min(2, cells));
        for (FixPreview.Example example : preview.examples()) {
            assertThat(session.effectiveRow(example.row()).cell(column).text()).isEqualTo(example.after());
            assertThat(review.row(example.row()).orElseThrow().cell(column).text()).isEqualTo(example.before());
        }
        Snapshot after = snapshot();
        assertThat(after).isNotEqualTo(before);

        session.undo();
        assertThat(snapshot()).isEqualTo(before);
        session.redo();
        assertThat(snapshot()).isEqualTo(after);

        reopen();
        assertThat(snapshot()).isEqualTo(after);
        session.undo();
        assertThat(snapshot()).isEqualTo(before);
        reopen();
        session.redo();
        assertThat(snapshot()).isEqualTo(after);
    }

    @Test
    void replacingTheUnknownSuppliersClearsTheirFindingsAndKeepsTheDuplicateKey() {
        assertThat(ruleColumns(3)).contains("supplier_code");
        assertThat(ruleColumns(5)).contains("mix_code", "supplier_code");

        session.fix(SUPPLIER, RowFilter.all(), new ValueFix.Replace(Map.of("NRD", "NORD", "nord", "NORD")),
                Progress.NONE);

        assertThat(ruleColumns(3)).containsExactly("cement_kg");
        assertThat(ruleColumns(4)).containsExactly("age_days");
        assertThat(ruleColumns(5)).containsExactly("mix_code");
        assertThat(review.row(3).orElseThrow().cell(SUPPLIER).text()).isEqualTo("NRD");
    }

    @Test
    void fixingTheKeyColumnSetsTheDuplicateFindingAsideAndUndoBringsItBack() {
        List<Finding> duplicate = session.findings(5).stream().filter(f -> "mix_code".equals(f.column())).toList();
        assertThat(duplicate).isNotEmpty();

        session.fix(MIX_CODE, RowFilter.rows(List.of(5L)), new ValueFix.SetValue("M-9"), Progress.NONE);
        assertThat(ruleColumns(5)).doesNotContain("mix_code");

        reopen();
        session.undo();
        assertThat(session.findings(5)).containsAll(duplicate);
    }

    @Test
    void filterLimitsTheFixToTheRowsItMatches() {
        FixOutcome outcome = session.fix(SUPPLIER, RowFilter.withErrors().and(RowFilter.rows(List.of(3L, 4L))),
                ValueFix.Replace.of("NRD", "NORD"), Progress.NONE);

        assertThat(outcome.cells()).isEqualTo(1);
        assertThat(outcome.description()).isEqualTo("Replace 'NRD' by 'NORD' in 'supplier_code' (rows with errors"
                + " and 2 selected rows)");
        assertThat(session.effectiveRow(3).cell(SUPPLIER).text()).isEqualTo("NORD");
        assertThat(session.effectiveRow(5).cell(SUPPLIER).text()).isEqualTo("NRD");
    }

    @Test
    void fixThatChangesNothingRecordsNoUndoStep() {
        session.approve(2);

        FixOutcome outcome = session.fix(SUPPLIER, RowFilter.all(), ValueFix.Replace.of("XYZ", "NORD"),
                Progress.NONE);

        assertThat(outcome.recorded()).isFalse();
        assertThat(session.undoDescription()).contains("Approve row 2");
    }

    @Test
    void replaceMatchesWholeValuesExactlyWhateverTheirCharacters() {
        String odd = " \"Nörd\" \\ 北 😀\r\nline ";
        session.edit(3, SUPPLIER, odd);
        session.edit(4, SUPPLIER, odd.strip());
        Snapshot before = snapshot();
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put(odd, "NORD");
        pairs.put("nrd", "NORD");
        pairs.put("NRD", "NRD");

        FixOutcome outcome = session.fix(SUPPLIER, RowFilter.all(), new ValueFix.Replace(pairs), Progress.NONE);

        assertThat(outcome.cells()).isEqualTo(1);
        assertThat(session.effectiveRow(3).cell(SUPPLIER).text()).isEqualTo("NORD");
        assertThat(session.effectiveRow(4).cell(SUPPLIER).text()).isEqualTo(odd.strip());
        assertThat(session.effectiveRow(5).cell(SUPPLIER).text()).isEqualTo("NRD");
        session.undo();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(session.effectiveRow(3).cell(SUPPLIER).text()).isEqualTo(odd);
    }

    @Test
    void cancelledReplaceLeavesTheReviewAsItWas() {
        Snapshot before = snapshot();
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> session.fix(SUPPLIER, RowFilter.all(), ValueFix.Replace.of("NRD", "NORD"), cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(session.undoDescription()).isEmpty();
    }

    @Test
    void fixOverAnEditedCellUndoesBackToTheEdit() {
        session.edit(3, SUPPLIER, "nrd");
        session.fix(SUPPLIER, RowFilter.all(), new ValueFix.ChangeCase(TextCase.UPPER), Progress.NONE);
        assertThat(session.effectiveRow(3).cell(SUPPLIER).text()).isEqualTo("NRD");

        session.undo();
        assertThat(session.effectiveRow(3).cell(SUPPLIER).text()).isEqualTo("nrd");
        assertThat(session.undoDescription()).contains("Edit G3 ('supplier_code')");
    }

    @Test
    void auditNamesTheFixAndItsOldToNewPairs() {
        session.fix(SUPPLIER, RowFilter.all(), new ValueFix.Replace(Map.of("NRD", "NORD", "nord", "NORD")),
                Progress.NONE);
        session.undo();

        List<AuditEntry> audit = session.audit(0, 20);

        assertThat(audit).extracting(AuditEntry::action, AuditEntry::row, AuditEntry::column, AuditEntry::oldValue,
                AuditEntry::newValue).containsExactly(
                        tuple(AuditAction.EDIT, null, SUPPLIER, null, null),
                        tuple(AuditAction.EDIT, null, SUPPLIER, "NRD", "NORD"),
                        tuple(AuditAction.EDIT, null, SUPPLIER, "nord", "NORD"),
                        tuple(AuditAction.UNDO, null, SUPPLIER, null, null),
                        tuple(AuditAction.UNDO, null, SUPPLIER, "NORD", "NRD"),
                        tuple(AuditAction.UNDO, null, SUPPLIER, "NORD", "nord"));
        assertThat(audit.get(0).reason()).matches("Fix #\\d+ \\(replace\\): Replace 2 values in 'supplier_code': 3"
                + " cells");
        assertThat(audit.get(1).reason()).matches("Fix #\\d+: 2 cells");
        assertThat(audit.get(3).reason()).startsWith("Undo fix #");
    }

    @Test
    void replacementsListWhatReplaceFixesChangedLeavingOutUndoneOnes() {
        session.fix(SUPPLIER, RowFilter.all(), ValueFix.Replace.of("NRD", "NORD"), Progress.NONE);
        session.fix(SUPPLIER, RowFilter.all(), ValueFix.Replace.of("nord", "NORD"), Progress.NONE);
        session.fix(CEMENT, RowFilter.all(), new ValueFix.Trim(), Progress.NONE);
        session.undo();
        session.undo();

        assertThat(session.replacements()).containsExactly(new ValueReplacement("supplier_code", "NRD", "NORD"));
    }

    @Test
    void badRegularExpressionsAreRefusedWithOneSentence() {
        assertThatThrownBy(() -> new ValueFix.FindReplace("(M-", "x", true, false))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("The regular expression '(M-' is not valid: Unclosed group");
        assertThatThrownBy(() -> new ValueFix.FindReplace("M-(\\d)", "$2", true, false))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The replacement '$2' names group $2 but the expression has 1 group.");
        assertThatThrownBy(() -> new ValueFix.FindReplace("M", "5$", true, false))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("ends in a lone $");
    }

    @Test
    void cancelledFixLeavesTheReviewAsItWas() {
        Snapshot before = snapshot();
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> session.fix(SUPPLIER, RowFilter.all(), new ValueFix.Blank(), cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(session.undoDescription()).isEmpty();
    }

    private List<String> ruleColumns(long row) {
        return session.findings(row).stream().map(Finding::column).toList();
    }

    /** Every row's effective cells and findings (in a stable order), and the row quality, of the whole review. */
    private Snapshot snapshot() {
        List<String> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (long row = 2; row <= 7; row++) {
            SourceRow effective = session.effectiveRow(row);
            rows.add(effective.cells().stream().map(c -> c.type() + ":" + c.text()).toList().toString());
            session.findings(row).stream().map(Finding::toString).sorted().forEach(findings::add);
        }
        return new Snapshot(rows, findings, review.currentSummary().map(ValidationSummary::toString).orElse(""));
    }

    private record Snapshot(List<String> rows, List<String> findings, String summary) {
    }
}
