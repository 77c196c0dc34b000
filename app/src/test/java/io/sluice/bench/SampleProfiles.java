package io.sluice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.profile.Unpivot;
import io.sluice.core.profile.UnpivotTarget;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The mapping profiles of the three sample datasets onto {@code concrete_mix}, built in code so that they stay in
 * step with the generator, and written to {@code sample-data/profiles/} as JSON.
 */
public final class SampleProfiles {

    /** The file name of the lab workbook's profile onto several tables. */
    public static final String LAB_PROFILE = "ds4-lab.profile.json";

    /** The pattern every mix code must match once trimmed and upper-cased. */
    public static final String MIX_CODE_PATTERN = "DS[0-9]-[0-9]{6,7}|[0-9]{5}-[A-Z]";
    private static final List<String> SUPPLIER_CODES = List.of(MixRowSource.SUPPLIER_CODES);

    private SampleProfiles() {
    }

    /** File name (in sample-data/profiles) to profile, in dataset order. */
    public static Map<String, Profile> all() {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        profiles.put("ds1.profile.json", ds1());
        profiles.put("ds2.profile.json", ds2());
        profiles.put("ds3.profile.json", ds3());
        profiles.put("ds4.profile.json", ds4());
        profiles.put(LAB_PROFILE, lab());
        return profiles;
    }

    /** ds1-concrete-mix.csv: UTF-8, comma, English headers, dd/MM/yyyy; suppliers checked against a fixed list. */
    public static Profile ds1() {
        List<ColumnMapping> columns = columns(false, List.of(), List.of(date("dd/MM/yyyy")));
        List<RuleSpec> rules = rules(new RuleSpec("supplier-known", "allowed", "supplier_code", null, null, null,
                null, SUPPLIER_CODES, null, null, null, null, null, "Supplier must be one of the five contracted"
                + " suppliers (NORD, ALPC, CEMS, RHEI, EVIA)."));
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "ds1-concrete-mix",
                new SourceSettings(null, 1, "UTF-8", ","), "concrete_mix", columns, null, rules,
                List.of("mix_code"), "insert", MixColumn.MIX_CODE.english());
    }

    /** ds2-betonmischungen.csv: Windows-1252, semicolon, German headers, decimal commas, k.A. and - for no value. */
    public static Profile ds2() {
        List<ColumnMapping> columns = columns(true, List.of(decimalComma()), List.of(date("dd.MM.yyyy")));
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "ds2-betonmischungen",
                new SourceSettings(null, 1, "windows-1252", ";"), "concrete_mix", columns, List.of("k.A.", "-"),
                rules(supplierLookup()), List.of("mix_code"), "insert", MixColumn.MIX_CODE.german());
    }

    /** ds3-lab-refresh.xlsx and .xls: sheet Mixes, header in row 4 below the export banner; typed cells. */
    public static Profile ds3() {
        // Date cells need no pattern; the pattern catches dates typed as text.
        List<ColumnMapping> columns = columns(false, List.of(), List.of(date("dd.MM.yyyy", "dd/MM/yyyy")));
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "ds3-lab-refresh",
                new SourceSettings("Mixes", 4, null, null), "concrete_mix", columns, null, rules(supplierLookup()),
                List.of("mix_code"), "insert", MixColumn.MIX_CODE.english());
    }

    /**
     * ds4-deliveries-*.csv: laid out as ds1, plus the plant that mixed the concrete; suppliers are checked by the
     * table's foreign key alone. No transform repairs the plant spellings or the wrong supplier codes: they are for cleaning in
     * the review, and the fixes a steward saves into this profile repair them in the next file.
     */
    public static Profile ds4() {
        List<ColumnMapping> columns = columns(false, List.of(), List.of(date("dd/MM/yyyy")));
        columns.add(ColumnMapping.of(DeliverySamples.PLANT_HEADER, "plant"));
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "ds4-deliveries",
                new SourceSettings(null, 1, "UTF-8", ","), "concrete_mix", columns, null, rules(null),
                List.of("mix_code"), "insert", MixColumn.MIX_CODE.english());
    }

    /**
     * ds4-lab-workbook.xlsx onto five tables, parents first: materials and suppliers from their sheets (kept when
     * already in the target), then from each row of the wide Mixes sheet a mix, one component per material column
     * holding a dosage (the material looked up by the name the column's header maps to) and one strength test per
     * strength column holding a result (the age taken from the header).
     */
    public static Profile lab() {
        List<TransformSpec> codes = List.of(TransformSpec.of("trim"), TransformSpec.of("upper"));
        List<TransformSpec> trim = List.of(TransformSpec.of("trim"));
        String mixCode = LabWorkbookSample.MIX_CODE;
        TableMapping materials = new TableMapping("material", sheet(LabWorkbookSample.MATERIALS_SHEET),
                List.of(new ColumnMapping("name", "Material", null, null, null, trim, null, null),
                        new ColumnMapping("material_class", "Class", null, null, null,
                                List.of(TransformSpec.of("trim"), TransformSpec.of("lower")), null, null)),
                null, null, List.of("name"), "skip-existing", null, "Material");
        TableMapping suppliers = new TableMapping("supplier", sheet(LabWorkbookSample.SUPPLIERS_SHEET),
                List.of(new ColumnMapping("supplier_code", "Code", null, null, null, codes, null, null),
                        new ColumnMapping("name", "Name", null, null, null, trim, null, null),
                        new ColumnMapping("country", "Country", null, null, null, codes, null, null)),
                null, null, List.of("supplier_code"), "skip-existing", null, "Code");
        List<ColumnMapping> mixColumns = new ArrayList<>();
        mixColumns.add(new ColumnMapping("mix_code", mixCode, null, null, null, codes, null, null));
        mixColumns.add(ColumnMapping.of(MixColumn.CEMENT.english(), "cement_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.WATER.english(), "water_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.FLY_ASH.english(), "fly_ash_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.SLAG.english(), "slag_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.COARSE_AGGREGATE.english(), "coarse_agg_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.FINE_AGGREGATE.english(), "fine_agg_kg"));
        mixColumns.add(ColumnMapping.of(MixColumn.SUPERPLASTICIZER.english(), "superplasticizer_kg"));
        // the mix row keeps its 28-day figures, as every single-table profile does; strength_test holds each age
        mixColumns.add(new ColumnMapping("age_days", null, null, null, "28", null, null, null));
        mixColumns.add(ColumnMapping.of("Strength 28d (MPa)", "strength_mpa"));
        mixColumns.add(ColumnMapping.of(LabWorkbookSample.CAST_DATE, "cast_date"));
        mixColumns.add(new ColumnMapping("supplier_code", LabWorkbookSample.SUPPLIER, null, null, null, codes, null,
                null));
        TableMapping mixes = new TableMapping("concrete_mix", sheet(LabWorkbookSample.MIXES_SHEET), mixColumns, null,
                List.of(new TableReference("supplier_code", "supplier", null)), List.of("mix_code"), "insert",
                List.of(new RuleSpec("strength-plausible", "range", "strength_mpa", null, null, new BigDecimal("120"),
                        null, null, null, null, null, null, "warning",
                        "Strength above 120 MPa is implausible for these mixes; check for a typo.")),
                mixCode);
        ColumnMapping mixId = new ColumnMapping("mix_id", mixCode, null, null, null, codes, null, null);
        TableMapping components = new TableMapping("mix_component", sheet(LabWorkbookSample.MIXES_SHEET),
                List.of(mixId),
                new Unpivot(List.copyOf(LabWorkbookSample.MATERIAL_COLUMNS.keySet()),
                        new UnpivotTarget("material_id",
                                List.of(TransformSpec.map(LabWorkbookSample.MATERIAL_COLUMNS))),
                        UnpivotTarget.of("dosage_kg")),
                List.of(new TableReference("mix_id", "concrete_mix", null),
                        new TableReference("material_id", "material", null)),
                List.of("mix_id", "material_id"), "insert", null, mixCode);
        Map<String, String> ages = new LinkedHashMap<>();
        LabWorkbookSample.STRENGTHS.forEach((header, age) -> ages.put(header, String.valueOf(age)));
        TableMapping strengths = new TableMapping("strength_test", sheet(LabWorkbookSample.MIXES_SHEET),
                List.of(mixId),
                new Unpivot(List.copyOf(ages.keySet()), new UnpivotTarget("age_days", List.of(TransformSpec.map(ages))),
                        UnpivotTarget.of("strength_mpa")),
                List.of(new TableReference("mix_id", "concrete_mix", null)),
                List.of("mix_id", "age_days"), "insert", null, mixCode);
        return Profile.ofTables("ds4-lab-workbook", null,
                List.of(materials, suppliers, mixes, components, strengths), null);
    }

    private static SourceSettings sheet(String name) {
        return new SourceSettings(name, 1, null, null);
    }

    /** Writes every profile as pretty-printed JSON into {@code dir}. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Map.Entry<String, Profile> entry : all().entrySet()) {
            Files.writeString(dir.resolve(entry.getKey()),
                    mapper.writeValueAsString(entry.getValue()).replace("\r\n", "\n") + "\n");
        }
    }

    private static List<ColumnMapping> columns(boolean german, List<TransformSpec> numbers,
                                               List<TransformSpec> dates) {
        List<TransformSpec> codes = List.of(TransformSpec.of("trim"), TransformSpec.of("upper"));
        List<TransformSpec> ratio = new ArrayList<>(List.of(nullIf(SpreadsheetError.DIV_0.text())));
        ratio.addAll(numbers);
        List<ColumnMapping> columns = new ArrayList<>();
        columns.add(map(MixColumn.MIX_CODE, "mix_code", german, codes));
        columns.add(map(MixColumn.CEMENT, "cement_kg", german, numbers));
        columns.add(map(MixColumn.WATER, "water_kg", german, numbers));
        columns.add(map(MixColumn.FLY_ASH, "fly_ash_kg", german, numbers));
        columns.add(map(MixColumn.SLAG, "slag_kg", german, numbers));
        columns.add(map(MixColumn.COARSE_AGGREGATE, "coarse_agg_kg", german, numbers));
        columns.add(map(MixColumn.FINE_AGGREGATE, "fine_agg_kg", german, numbers));
        columns.add(map(MixColumn.SUPERPLASTICIZER, "superplasticizer_kg", german, numbers));
        columns.add(map(MixColumn.W_C, "w_c_ratio", german, ratio));
        columns.add(map(MixColumn.W_B, "w_b_ratio", german, ratio));
        columns.add(map(MixColumn.AGE_DAYS, "age_days", german, numbers));
        columns.add(map(MixColumn.STRENGTH, "strength_mpa", german, numbers));
        columns.add(map(MixColumn.CAST_DATE, "cast_date", german, dates));
        columns.add(map(MixColumn.SUPPLIER, "supplier_code", german, codes));
        return columns;
    }

    /** The steward's rules shared by all datasets, plus the dataset's own supplier check, if it has one. */
    private static List<RuleSpec> rules(RuleSpec supplierRule) {
        return Stream.of(
                new RuleSpec("strength-plausible", "range", "strength_mpa", null, null, new BigDecimal("120"), null,
                        null, null, null, null, null, "warning",
                        "Strength above 120 MPa is implausible for these mixes; check for a typo."),
                new RuleSpec("mix-code-format", "pattern", "mix_code", null, null, null, MIX_CODE_PATTERN, null,
                        null, null, null, null, null, "Mix code must look like DS1-000123 or 00123-B."),
                supplierRule,
                new RuleSpec("mix-code-unique", "unique", null, List.of("mix_code"), null, null, null, null, null,
                        null, null, null, null, "Mix code appears more than once in this file."),
                required("coarse_agg_kg", "coarse aggregate"),
                required("fine_agg_kg", "fine aggregate"),
                new RuleSpec("wc-ratio-plausible", "expression", null, null, new BigDecimal("0.25"),
                        new BigDecimal("0.80"), null, null, null, null, null, "water_kg / cement_kg", null,
                        "Water/cement ratio (water_kg / cement_kg) must lie between 0.25 and 0.80."))
                .filter(Objects::nonNull).toList();
    }

    private static RuleSpec required(String column, String words) {
        return new RuleSpec(column.replace("_kg", "").replace('_', '-') + "-required", "required", column, null,
                null, null, null, null, null, null, "age_days != null", null, null,
                "A tested mix (age in days given) needs its " + words + ".");
    }

    private static RuleSpec supplierLookup() {
        return new RuleSpec("supplier-known", "lookup", "supplier_code", null, null, null, null, null, "supplier",
                "supplier_code", null, null, null, "Supplier code is not in the supplier table.");
    }

    private static ColumnMapping map(MixColumn source, String target, boolean german,
                                     List<TransformSpec> transforms) {
        return new ColumnMapping(target, german ? source.german() : source.english(), null, null, null, transforms,
                null, null);
    }

    private static TransformSpec date(String... patterns) {
        return new TransformSpec("date", null, null, null, null, null, null, null, Arrays.asList(patterns), null,
                null, null);
    }

    private static TransformSpec nullIf(String... values) {
        return new TransformSpec("null-if", null, null, null, Arrays.asList(values), null, null, null, null, null,
                null, null);
    }

    private static TransformSpec decimalComma() {
        return new TransformSpec("number", null, null, null, null, null, ",", null, null, null, null, null);
    }
}
