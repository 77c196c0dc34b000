package io.sluice.core.mapping;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SuggesterTest {

    private static final List<String> ENGLISH = List.of("Mix Code", "Cement (kg/m3)", "Water (kg/m3)",
            "Fly Ash (kg/m3)", "Slag (kg/m3)", "Coarse Aggregate (kg/m3)", "Fine Aggregate (kg/m3)",
            "Superplasticizer (kg/m3)", "w/c", "w/b", "Age (days)", "Strength (MPa)", "Cast Date", "Supplier");

    private static final List<String> GERMAN = List.of("Mischung", "Zement (kg/m³)", "Wasser (kg/m³)", "Flugasche",
            "Hüttensand", "Grobzuschlag", "Feinzuschlag", "Fließmittel", "w/z", "w/b", "Alter (Tage)",
            "Festigkeit (MPa)", "Gießdatum", "Lieferant");

    private static final List<String> TARGETS = List.of("mix_code", "cement_kg", "water_kg", "fly_ash_kg", "slag_kg",
            "coarse_agg_kg", "fine_agg_kg", "superplasticizer_kg", "w_c_ratio", "w_b_ratio", "age_days",
            "strength_mpa", "cast_date", "supplier_code");

    private final Suggester suggester = new Suggester();

    /** Excel-style rows: numbers and dates as typed cells. */
    private static List<List<Cell>> englishSamples() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(List.of(Cell.text("M-" + (100 + i)), num(300 + i), num(160 + i), num(i % 3 == 0 ? 0 : 50),
                    num(i % 2 == 0 ? 0 : 90), num(1000 + i), num(780 + i), num(2.5), num(0.45), num(0.38),
                    num(i % 2 == 0 ? 28 : 7), num(30 + i / 10.0), Cell.date("1/" + i + "/2024",
                            LocalDate.of(2024, 1, i)), Cell.text(i % 2 == 0 ? "NORD" : "ALPC")));
        }
        return rows;
    }

    /** CSV-style rows from a German lab: everything text, decimal commas, dd.MM.yyyy dates. */
    private static List<List<Cell>> germanSamples() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(List.of(Cell.text("M-" + (100 + i)), txt(300 + i), txt(160 + i), txt(50), txt(90), txt(1000),
                    txt(780), Cell.text("2,5"), Cell.text("0,45"), Cell.text("0,38"), txt(28),
                    Cell.text(30 + i + ",5"), Cell.text(String.format("%02d.02.2024", i)), Cell.text("RHEI")));
        }
        return rows;
    }

    private static Cell num(double v) {
        BigDecimal d = BigDecimal.valueOf(v);
        return Cell.number(d.toPlainString(), d);
    }

    private static Cell txt(int v) {
        return Cell.text(String.valueOf(v));
    }

    private static Map<String, String> sourceToTarget(List<ColumnMapping> mappings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            map.put(m.source(), m.target());
        }
        return map;
    }

    private static Map<String, String> zip(List<String> sources) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            expected.put(sources.get(i), TARGETS.get(i));
        }
        return expected;
    }

    @Test
    void mapsEnglishConcreteMixHeadersOntoTheirColumns() {
        List<ColumnMapping> mappings = suggester.suggest(ENGLISH, englishSamples(), ConcreteMixTable.table());

        assertThat(sourceToTarget(mappings)).containsExactlyInAnyOrderEntriesOf(zip(ENGLISH));
        assertThat(mappings).extracting(ColumnMapping::target).containsExactlyElementsOf(TARGETS);
        assertThat(mappings).allSatisfy(m -> assertThat(m.confidence()).isBetween(Suggester.MIN_CONFIDENCE, 100));
    }

    @Test
    void mapsGermanConcreteMixHeadersOntoTheirColumns() {
        List<ColumnMapping> mappings = suggester.suggest(GERMAN, germanSamples(), ConcreteMixTable.table());

        assertThat(sourceToTarget(mappings)).containsExactlyInAnyOrderEntriesOf(zip(GERMAN));
        assertThat(mappings).extracting(ColumnMapping::target).doesNotHaveDuplicates();
    }

    @Test
    void explainsEachSuggestionWithNameAndSampleEvidence() {
        Map<String, ColumnMapping> byTarget = new LinkedHashMap<>();
        suggester.suggest(ENGLISH, englishSamples(), ConcreteMixTable.table())
                .forEach(m -> byTarget.put(m.target(), m));

        ColumnMapping cement = byTarget.get("cement_kg");
        assertThat(cement.reason()).isEqualTo("name matches 'Cement (kg/m3)' → cement_kg (" + cement.confidence()
                + "); 20/20 sampled values are numbers");
        assertThat(cement.confidence()).isGreaterThan(90);
        assertThat(byTarget.get("mix_code").confidence()).isEqualTo(100);
        assertThat(byTarget.get("age_days").reason()).contains("20/20 sampled values are whole numbers");
        assertThat(byTarget.get("supplier_code").reason())
                .startsWith("name resembles 'Supplier' → supplier_code").endsWith("20/20 sampled values fit in 10"
                        + " characters");
        assertThat(byTarget.get("cast_date").transforms()).isEmpty();
    }

    @Test
    void germanReasonsSayTheMatchCameThroughSynonyms() {
        Map<String, ColumnMapping> byTarget = new LinkedHashMap<>();
        suggester.suggest(GERMAN, germanSamples(), ConcreteMixTable.table())
                .forEach(m -> byTarget.put(m.target(), m));

        assertThat(byTarget.get("cement_kg").reason()).startsWith("name matches 'Zement (kg/m³)' → cement_kg through"
                + " synonyms");
        assertThat(byTarget.get("w_c_ratio").reason()).startsWith("name matches 'w/z' → w_c_ratio through synonyms");
    }

    @Test
    void suggestsDateTransformForTextDatesAndNumberTransformForDecimalCommas() {
        Map<String, ColumnMapping> byTarget = new LinkedHashMap<>();
        suggester.suggest(GERMAN, germanSamples(), ConcreteMixTable.table())
                .forEach(m -> byTarget.put(m.target(), m));

        assertThat(byTarget.get("cast_date").transforms()).containsExactly(new TransformSpec("date", null, null, null,
                null, null, null, null, List.of("dd.MM.yyyy"), null, null, null));
        assertThat(byTarget.get("cast_date").reason())
                .endsWith("20/20 sampled values are dates (text dates read as dd.MM.yyyy)");
        assertThat(byTarget.get("w_c_ratio").transforms()).containsExactly(new TransformSpec("number", null, null,
                null, null, null, ",", ".", null, null, null, null));
        assertThat(byTarget.get("w_c_ratio").reason())
                .endsWith("20/20 sampled values are numbers with a decimal comma");
        assertThat(byTarget.get("cement_kg").transforms()).isEmpty();
    }

    @Test
    void detectsMonthFirstDatesWhenDaysExceedTwelve() {
        List<List<Cell>> rows = List.of(List.of(Cell.text("12/31/2024")), List.of(Cell.text("01/15/2024")));

        ColumnMapping m = suggester.suggest(List.of("Cast Date"), rows, ConcreteMixTable.table()).get(0);

        assertThat(m.transforms()).extracting(TransformSpec::patterns).containsExactly(List.of("MM/dd/yyyy"));
    }

    @Test
    void suggestsNoDatePatternForATimestampColumnWhoseIsoDatesAndTimesAllConvertWithoutOne() {
        TableInfo table = new TableInfo(null, "reading", List.of(new ColumnInfo("taken_at", JDBCType.TIMESTAMP,
                "TIMESTAMP", true, null, null, null, null, false)), List.of(), List.of(), List.of(), List.of());
        List<List<Cell>> rows = List.of(List.of(Cell.text("2024-03-01 10:00:00")), List.of(Cell.text("2024-03-02")),
                List.of(Cell.text("2024-03-02 11:30:15")));

        ColumnMapping m = suggester.suggest(List.of("Taken At"), rows, table).get(0);

        assertThat(m.target()).isEqualTo("taken_at");
        assertThat(m.transforms()).isEmpty();
        assertThat(m.reason()).contains("3/3 sampled values are dates");
    }

    @Test
    void leavesSecondCompetitorForATargetUnmappedAndSaysWhy() {
        List<String> headers = List.of("Cement", "Cement (kg/m3)", "Remarks");
        List<List<Cell>> rows = List.of(List.of(num(300), num(300), Cell.text("ok")));

        Suggestion s = suggester.analyse(headers, rows, ConcreteMixTable.table());

        assertThat(s.mappings()).extracting(ColumnMapping::source, ColumnMapping::target)
                .containsExactly(tuple("Cement (kg/m3)", "cement_kg"));
        assertThat(s.unmapped()).containsExactly(
                new Suggestion.UnmappedSource("Cement", "also resembles cement_kg, which is mapped from"
                        + " 'Cement (kg/m3)'"),
                new Suggestion.UnmappedSource("Remarks", "no column of concrete_mix resembles its name"));
    }

    @Test
    void listsRequiredColumnsThatNothingFills() {
        Suggestion s = suggester.analyse(List.of("Mix Code", "Cement"), List.of(), ConcreteMixTable.table());

        assertThat(s.missingRequired()).extracting(ColumnInfo::name)
                .containsExactly("water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days");
        assertThat(s.mappings()).extracting(ColumnMapping::reason)
                .allSatisfy(r -> assertThat(r).endsWith("no sampled values to compare"));
    }

    @Test
    void valuesOfTheWrongTypeLowerTheConfidence() {
        List<List<Cell>> numbers = List.of(List.of(num(300)), List.of(num(310)));
        List<List<Cell>> words = List.of(List.of(Cell.text("lots")), List.of(Cell.text("some")));

        int withNumbers = suggester.suggest(List.of("Cement"), numbers, ConcreteMixTable.table()).get(0).confidence();
        int withWords = suggester.suggest(List.of("Cement"), words, ConcreteMixTable.table()).get(0).confidence();

        assertThat(withWords).isLessThan(withNumbers);
    }

    @Test
    void suggestsNothingForWeakResemblance() {
        assertThat(suggester.suggest(List.of("Comment", "X"), List.of(), ConcreteMixTable.table())).isEmpty();
    }

    @Test
    void suggestedProfileIsUsableAsIs() {
        Profile p = suggester.suggestProfile("German lab", GERMAN, germanSamples(), ConcreteMixTable.table());

        assertThat(p.naturalKey()).containsExactly("mix_code");
        assertThat(p.commitMode()).isEqualTo("insert");
        assertThat(p.table()).isEqualTo("concrete_mix");
        assertThat(ProfileIO.fromJson(ProfileIO.toJson(p), "suggested.json")).isEqualTo(p);
        MappedRow row = Mapper.compile(p, GERMAN, ConcreteMixTable.table())
                .map(new SourceRow(2, germanSamples().get(0)));
        assertThat(row.hasErrors()).isFalse();
        assertThat(row.get("w_c_ratio").value()).isEqualTo(new BigDecimal("0.45"));
        assertThat(row.get("cast_date").value()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(row.get("strength_mpa").value()).isEqualTo(new BigDecimal("31.5"));
    }

    /** The German lab's rows with its ways of saying "no value": k.A. and a dash in numbers, k.A. in a date. */
    private static List<List<Cell>> germanSamplesWithGaps() {
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Cell> row : germanSamples()) {
            rows.add(new ArrayList<>(row));
        }
        rows.get(1).set(3, Cell.text("k.A."));
        rows.get(2).set(3, Cell.text("-"));
        rows.get(3).set(3, Cell.text(" k.A. "));
        rows.get(4).set(7, Cell.text("-"));
        rows.get(5).set(12, Cell.text("k.A."));
        rows.get(6).set(13, Cell.text("-"));
        return rows;
    }

    private static Map<String, ColumnMapping> byTarget(List<ColumnMapping> mappings) {
        Map<String, ColumnMapping> byTarget = new LinkedHashMap<>();
        mappings.forEach(m -> byTarget.put(m.target(), m));
        return byTarget;
    }

    private static TransformSpec nullIf(String... markers) {
        return new TransformSpec("null-if", null, null, null, List.of(markers), null, null, null, null, null, null,
                null);
    }

    private static final TransformSpec DECIMAL_COMMA = new TransformSpec("number", null, null, null, null, null, ",",
            ".", null, null, null, null);

    @Test
    void proposesTheNullMarkersSeenInANumberColumnWithTheReason() {
        Map<String, ColumnMapping> byTarget = byTarget(suggester.suggest(GERMAN, germanSamplesWithGaps(),
                ConcreteMixTable.table()));

        ColumnMapping flyAsh = byTarget.get("fly_ash_kg");
        assertThat(flyAsh.transforms()).containsExactly(nullIf("k.A.", "-"));
        assertThat(flyAsh.reason()).endsWith("17/17 sampled values are numbers; 'k.A.' (2 cells) and '-' "
                + "(1 cell) read as no value");
        assertThat(byTarget.get("superplasticizer_kg").transforms()).containsExactly(nullIf("-"), DECIMAL_COMMA);
    }

    @Test
    void proposesTheNullMarkersSeenInADateColumn() {
        ColumnMapping castDate = byTarget(suggester.suggest(GERMAN, germanSamplesWithGaps(),
                ConcreteMixTable.table())).get("cast_date");

        assertThat(castDate.transforms()).containsExactly(nullIf("k.A."), new TransformSpec("date", null, null, null,
                null, null, null, null, List.of("dd.MM.yyyy"), null, null, null));
        assertThat(castDate.reason()).endsWith("19/19 sampled values are dates (text dates read as dd.MM.yyyy); "
                + "'k.A.' (1 cell) reads as no value");
    }

    @Test
    void leavesADashInATextColumnAsItIs() {
        ColumnMapping supplier = byTarget(suggester.suggest(GERMAN, germanSamplesWithGaps(),
                ConcreteMixTable.table())).get("supplier_code");

        assertThat(supplier.transforms()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"n/a", "N/A", "NA", "null", "--", "?", "#N/A", "k. A.", "—"})
    void recognisesTheCommonNullMarkers(String marker) {
        List<List<Cell>> rows = List.of(List.of(num(300)), List.of(Cell.text(marker)), List.of(num(310)));

        ColumnMapping cement = suggester.suggest(List.of("Cement"), rows, ConcreteMixTable.table()).get(0);

        assertThat(cement.transforms()).containsExactly(nullIf(marker.strip()));
    }

    @Test
    void proposesAnExcelNotAvailableErrorAsANullMarker() {
        List<List<Cell>> rows = List.of(List.of(num(300)), List.of(Cell.error("#N/A")));

        ColumnMapping cement = suggester.suggest(List.of("Cement"), rows, ConcreteMixTable.table()).get(0);

        assertThat(cement.transforms()).containsExactly(nullIf("#N/A"));
    }

    @Test
    void typedNumbersShownWithALocaleCommaNeedNoDecimalCommaTransform() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(List.of(Cell.number("1.234,5" + i, new BigDecimal("1234.5" + i))));
        }

        ColumnMapping cement = suggester.suggest(List.of("Cement"), rows, ConcreteMixTable.table()).get(0);

        assertThat(cement.transforms()).isEmpty();
        assertThat(cement.reason()).endsWith("; 20/20 sampled values are numbers");
    }

    @Test
    void aThousandsCommaInTextIsNoEvidenceOfADecimalComma() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            rows.add(List.of(num(300 + i)));
        }
        rows.add(List.of(Cell.text("1,234")));

        ColumnMapping cement = suggester.suggest(List.of("Cement"), rows, ConcreteMixTable.table()).get(0);

        assertThat(cement.transforms()).isEmpty();
        assertThat(cement.reason()).endsWith("; 19/20 sampled values are numbers");
    }

    @Test
    void countsTypedNumbersApartFromTextWithADecimalComma() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            rows.add(List.of(num(300 + i)));
        }
        rows.add(List.of(Cell.text("312,5")));

        ColumnMapping cement = suggester.suggest(List.of("Cement"), rows, ConcreteMixTable.table()).get(0);

        assertThat(cement.transforms()).containsExactly(DECIMAL_COMMA);
        assertThat(cement.reason()).endsWith("; 20/20 sampled values are numbers (1 written as text with a decimal "
                + "comma)");
    }

    @Test
    void aLeadingZeroBeforeTheCommaMakesItADecimalComma() {
        List<List<Cell>> rows = List.of(List.of(Cell.text("0,580")), List.of(Cell.text("0,676")));

        ColumnMapping ratio = suggester.suggest(List.of("w/c"), rows, ConcreteMixTable.table()).get(0);

        assertThat(ratio.transforms()).containsExactly(DECIMAL_COMMA);
        assertThat(ratio.reason()).endsWith("; 2/2 sampled values are numbers with a decimal comma");
    }

    @Test
    void proposesTrimAndUpperForCodesWrittenUnlikeTheRest() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(List.of(Cell.text(i % 2 == 0 ? "NORD" : "RHEI")));
        }
        rows.add(List.of(Cell.text("rhei")));
        rows.add(List.of(Cell.text(" NORD ")));

        ColumnMapping supplier = suggester.suggest(List.of("Supplier"), rows, ConcreteMixTable.table()).get(0);

        assertThat(supplier.transforms()).extracting(TransformSpec::op).containsExactly("trim", "upper");
        assertThat(supplier.reason()).endsWith("10/10 sampled values fit in 10 characters; 1 has spaces around it"
                + " (trim) and 1 is not in upper case like the other 9 (upper)");
    }

    @Test
    void leavesFreeTextInItsOwnCase() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(List.of(Cell.text("NORD")));
        }
        rows.add(List.of(Cell.text("Nord Beton")));

        ColumnMapping supplier = suggester.suggest(List.of("Supplier"), rows, ConcreteMixTable.table()).get(0);

        assertThat(supplier.transforms()).isEmpty();
    }
}
