package io.sluice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TransformSpec;

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
