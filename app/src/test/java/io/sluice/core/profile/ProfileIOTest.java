package io.sluice.core.profile;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileIOTest {

    static Profile fullProfile() {
        TransformSpec number = new TransformSpec("number", null, null, null, null, "de-DE", null, null, null, null,
                null, null);
        TransformSpec replace = new TransformSpec("replace", "\\s+kg$", null, true, null, null, null, null, null, null,
                null, null);
        TransformSpec date = new TransformSpec("date", null, null, null, null, null, null, null,
                List.of("dd.MM.yyyy", "d.M.yy"), null, null, null);
        TransformSpec split = new TransformSpec("split", null, null, null, null, null, null, null, null, null, "-", -1);
        return new Profile(Profile.FORMAT, 1, "Lab mixes", new SourceSettings("Mixes", 3, "windows-1252", ";"),
                "concrete_mix",
                List.of(ColumnMapping.of("Mix Code", "mix_code"),
                        new ColumnMapping("cement_kg", "Zement", null, null, null, List.of(replace, number), 92,
                                "name matches"),
                        new ColumnMapping("cast_date", "Gießdatum", null, null, null, List.of(date), null, null),
                        new ColumnMapping("supplier_code", null, List.of("Supplier", "Plant"), "-", null,
                                List.of(TransformSpec.of("upper"), split), null, null),
                        new ColumnMapping("age_days", null, null, null, "28", null, null, null)),
                List.of("N/A", "-"),
                List.of(new RuleSpec("wc", "range", "w_c_ratio", null, new BigDecimal("0.25"), new BigDecimal("0.80"),
                        null, null, null, null, null, null, "warning", null)),
                List.of("mix_code"), "upsert", "Mix Code");
    }

    @Test
    void roundTripsEveryField(@TempDir Path dir) {
        Profile profile = fullProfile();
        Path file = dir.resolve("mix.json");

        ProfileIO.write(profile, file);

        assertThat(ProfileIO.read(file)).isEqualTo(profile);
        assertThat(ProfileIO.fromJson(ProfileIO.toJson(profile), "x.json")).isEqualTo(profile);
    }

    @Test
    void aSavedProfileHasTheFolderDefaultPermissionsOrThoseOfTheFileItReplaces(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path file = dir.resolve("mix.json");

        ProfileIO.write(fullProfile(), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(newFile);

        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, shared);
        ProfileIO.write(fullProfile(), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(shared);
    }

    @Test
    void readsAndWritesTheBoundAndCaseOptionsAndLeavesThemOutWhenAbsent() {
        Profile p = ProfileIO.fromJson("""
                {"format": "sluice-profile", "version": 1, "table": "concrete_mix",
                 "columns": [{"target": "w_c_ratio", "source": "w/c"}, {"target": "supplier_code", "source": "S"}],
                 "rules": [{"id": "wc", "type": "range", "column": "w_c_ratio", "min": 0.25, "minExclusive": true,
                            "max": 0.8, "maxExclusive": false},
                           {"id": "supplier", "type": "allowed", "column": "supplier_code", "values": ["NORD"],
                            "ignoreCase": true},
                           {"id": "plain", "type": "range", "column": "w_c_ratio", "max": 1}]}""", "opt.json");

        assertThat(p.rules().get(0).excludesMin()).isTrue();
        assertThat(p.rules().get(0).maxExclusive()).isFalse();
        assertThat(p.rules().get(1).ignoresCase()).isTrue();
        assertThat(p.rules().get(2).minExclusive()).isNull();
        assertThat(p.rules().get(2).ignoreCase()).isNull();
        String json = ProfileIO.toJson(p);
        assertThat(ProfileIO.fromJson(json, "again.json")).isEqualTo(p);
        assertThat(json).contains("\"minExclusive\" : true", "\"maxExclusive\" : false", "\"ignoreCase\" : true");
        int plain = json.indexOf("\"plain\"");
        assertThat(json.substring(json.lastIndexOf('{', plain), json.indexOf('}', plain)))
                .contains("\"max\" : 1").doesNotContain("Exclusive").doesNotContain("ignoreCase");
    }

    @Test
    void writesPrettyJsonStartingWithFormatAndVersion() {
        String json = ProfileIO.toJson(fullProfile());

        assertThat(json).startsWith("{\n  \"format\" : \"sluice-profile\",\n  \"version\" : 1,\n").endsWith("}\n")
                .doesNotContain("\r");
    }

    @Test
    void hashIsStableAndChangesWithContent() {
        Profile profile = fullProfile();
        Profile renamed = new Profile(profile.format(), profile.version(), "Other", profile.source(), profile.table(),
                profile.columns(), profile.nullMarkers(), profile.rules(), profile.naturalKey(), profile.commitMode(),
                profile.legacyId());

        assertThat(ProfileIO.sha256(profile)).hasSize(64).isEqualTo(ProfileIO.sha256(fullProfile()))
                .isEqualTo(ProfileIO.sha256(ProfileIO.fromJson(ProfileIO.toJson(profile), "x.json")))
                .isNotEqualTo(ProfileIO.sha256(renamed));
    }

    @Test
    void readsMinimalProfileWithDefaults() {
        Profile p = ProfileIO.fromJson("""
                {"format": "sluice-profile", "version": 1, "table": "concrete_mix",
                 "columns": [{"target": "mix_code", "source": "Mix"}]}""", "min.json");

        assertThat(p.commitMode()).isEqualTo("insert");
        assertThat(p.columns()).containsExactly(ColumnMapping.of("Mix", "mix_code"));
        assertThat(p.rules()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"format": "sluice-profile", "version": 1,, }                        | is not valid JSON
            malformed JSON location   | {"format": "sluice-profile", "version": 1,, }                        | (line 1, column 43)
            not an object             | [1, 2]                                                              | expected a JSON object
            wrong format              | {"format": "excel-map", "version": 1, "table": "t"}                 | "format" must be "sluice-profile"
            missing format            | {"version": 1, "table": "t"}                                        | is not a Sluice profile
            newer version             | {"format": "sluice-profile", "version": 3, "table": "t"}            | is profile version 3, which this Sluice cannot read
            missing version           | {"format": "sluice-profile", "table": "t"}                          | has no profile "version" number
            version as text           | {"format": "sluice-profile", "version": "1", "table": "t"}          | has no profile "version" number
            unknown top-level field   | {"format": "sluice-profile", "version": 1, "tabel": "t"}            | unknown field "tabel" in the profile
            unknown mapping field     | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "sourc": "A"}]} | unknown field "sourc" in a column mapping
            unknown field location    | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "sourc": "A"}]} | (line 1, column 86)
            duplicate field           | {"format": "sluice-profile", "version": 1, "table": "t", "table": "u"} | Duplicate field 'table'
            wrong value type          | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "split", "separator": "-", "index": "x"}]}]} | field columns[0].transforms[0].index must be a whole number (line 1, column 150)
            list expected             | {"format": "sluice-profile", "version": 1, "table": "t", "columns": {}} | field columns must be a list in [ ] (line 1, column 58)
            text expected             | {"format": "sluice-profile", "version": 1, "table": 5}              | field table must be a text in quotes
            unknown transform op      | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "trimm"}]}]} | column a: unknown transform op 'trimm' (known: trim, upper
            unknown op location       | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "trimm"}]}]} | (line 1, column 116)
            unknown rule type         | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"type": "between", "column": "a"}]} | unknown rule type 'between'
            mapping without source    | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a"}]} | column a must have exactly one of source, sources or constant, but has none
            mapping with two sources  | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "constant": "1"}]} | column a must have exactly one of source, sources or constant, but has 2
            mapping without target    | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"source": "A"}]} | a column mapping has no target column
            target mapped twice       | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A"}, {"target": "A", "source": "B"}]} | column A is mapped twice
            no table                  | {"format": "sluice-profile", "version": 1}                          | the profile names no target table
            unknown commit mode       | {"format": "sluice-profile", "version": 1, "table": "t", "commitMode": "merge"} | unknown commit mode 'merge'
            bad regex                 | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "replace", "from": "(", "regex": true}]}]} | invalid regular expression '('
            bad date pattern          | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "date", "patterns": ["yyyy-bb-dd"]}]}]} | date has an invalid pattern 'yyyy-bb-dd'
            number without separators | {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A", "transforms": [{"op": "number"}]}]} | number needs a locale (like de-DE) or a one-character decimal separator
            rule missing parameter    | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"type": "range", "column": "a"}]} | range rule needs min or max
            option of another type    | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"id": "cap", "type": "range", "column": "a", "max": 5, "ignoreCase": true}]} | cap rule: 'ignoreCase' does not apply to a range rule (it takes column, min, max, minExclusive, maxExclusive)
            pattern on allowed        | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"type": "allowed", "column": "a", "values": ["X"], "pattern": "X+"}]} | allowed rule: 'pattern' does not apply to an allowed rule
            exclusive without bound   | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"id": "cap", "type": "range", "column": "a", "max": 5, "minExclusive": true}]} | cap rule sets minExclusive but has no min
            empty exclusive range     | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"id": "cap", "type": "range", "column": "a", "min": 5, "max": 5, "maxExclusive": true}]} | cap rule has min 5 equal to max 5 with a bound excluded, so no value could pass
            rule bad severity         | {"format": "sluice-profile", "version": 1, "table": "t", "rules": [{"type": "required", "column": "a", "severity": "fatal"}]} | severity must be error or warning, not 'fatal'
            """)
    void rejectsBadProfileWithOneClearSentence(String name, String json, String expected) {
        assertThatThrownBy(() -> ProfileIO.fromJson(json, "mix.json"))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT);
                    assertThat(e.getMessage()).startsWith("mix.json: ").contains(expected).endsWith(".")
                            .doesNotContain("\n").doesNotContain("..");
                });
    }

    @Test
    void reportsLineAndColumnOfUnknownTransformInPrettyFile() {
        String json = """
                {
                  "format": "sluice-profile",
                  "version": 1,
                  "table": "concrete_mix",
                  "columns": [
                    { "target": "mix_code", "source": "Mix" },
                    { "target": "cement_kg", "source": "Cement",
                      "transforms": [ { "op": "trim" }, { "op": "numbr" } ] }
                  ]
                }""";

        assertThatThrownBy(() -> ProfileIO.fromJson(json, "mix.json")).hasMessageStartingWith(
                "mix.json: column cement_kg: unknown transform op 'numbr'").hasMessageEndingWith("(line 8, column 41).");
    }

    @Test
    void rejectsMissingFileNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> ProfileIO.read(missing)).isInstanceOf(SluiceException.class)
                .hasMessage("Profile " + missing + " does not exist.");
    }

    @Test
    void aFileThatIsNotTextIsNoProfileInOneSentence(@TempDir Path dir) throws Exception {
        Path review = Files.write(dir.resolve("mixes.sluice"),
                new byte[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
        Path latin1 = Files.write(dir.resolve("mischungen.csv"), "Mischung;Gie\u00dfdatum\n".getBytes(
                StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ProfileIO.read(review)).isInstanceOf(SluiceException.class)
                .hasMessage("mixes.sluice: is not a Sluice profile (it is not JSON).");
        assertThatThrownBy(() -> ProfileIO.read(latin1)).isInstanceOf(SluiceException.class)
                .hasMessage("mischungen.csv: is not a Sluice profile (it is not JSON).");
    }

    @Test
    void writtenFileIsUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mix.json");
        ProfileIO.write(fullProfile(), file);

        assertThat(Files.readString(file)).contains("\"Gießdatum\"");
    }
}
