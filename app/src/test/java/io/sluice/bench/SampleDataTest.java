package io.sluice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.ReferenceOrder;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.RuleSpec;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guards the committed sample-data directory: profiles readable, files reproducible, README accurate. */
class SampleDataTest {

    private static Path samples;
    private static List<GenerationReport> regenerated;
    private static List<DeliverySamples.DeliveryFile> deliveries;
    private static LabWorkbookSample.LabWorkbook lab;
    private static Path regeneratedDir;

    @BeforeAll
    static void regenerate(@TempDir Path temp) throws IOException {
        samples = findSampleData();
        regeneratedDir = temp;
        regenerated = SampleData.writeAll(temp);
        deliveries = DeliverySamples.writeAll(temp);
        lab = LabWorkbookSample.write(temp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ds1.profile.json", "ds2.profile.json", "ds3.profile.json"})
    void committedProfileParsesIntoAProfileOfConcreteMix(String name) throws IOException {
        Profile profile = new ObjectMapper().readValue(samples.resolve("profiles").resolve(name).toFile(),
                Profile.class);
        Set<String> targetColumns = concreteMixColumns();
        List<String> sources = profile.columns().stream().map(ColumnMapping::source).toList();

        assertThat(profile.format()).isEqualTo(Profile.FORMAT);
        assertThat(profile.table()).isEqualTo("concrete_mix");
        assertThat(profile.naturalKey()).containsExactly("mix_code");
        assertThat(profile.commitMode()).isEqualTo("insert");
        assertThat(sources).contains(profile.legacyId());
        assertThat(profile.columns()).extracting(ColumnMapping::target).doesNotHaveDuplicates()
                .allMatch(targetColumns::contains);
        assertThat(profile.rules()).extracting(RuleSpec::type)
                .contains("range", "pattern", "unique", "required", "expression")
                .containsAnyOf("allowed", "lookup");
        assertThat(profile.rules()).anySatisfy(rule -> {
            assertThat(rule.type()).isEqualTo("expression");
            assertThat(rule.expression()).isEqualTo("water_kg / cement_kg");
            assertThat(rule.min()).isEqualByComparingTo("0.25");
            assertThat(rule.max()).isEqualByComparingTo("0.80");
        });
        assertThat(profile.rules()).anySatisfy(rule -> {
            assertThat(rule.column()).isEqualTo("strength_mpa");
            assertThat(rule.max()).isEqualTo(new BigDecimal("120"));
            assertThat(rule.severity()).isEqualTo("warning");
        });
        assertThat(profile.rules()).filteredOn(rule -> rule.type().equals("required"))
                .extracting(RuleSpec::column).containsExactlyInAnyOrder("coarse_agg_kg", "fine_agg_kg");
    }

    @Test
    void committedProfilesAreTheOnesSampleProfilesBuilds() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (var entry : SampleProfiles.all().entrySet()) {
            Path committed = samples.resolve("profiles").resolve(entry.getKey());
            assertThat(mapper.readValue(committed.toFile(), Profile.class)).isEqualTo(entry.getValue());
            assertThat(committed).hasSameBinaryContentAs(regeneratedDir.resolve("profiles").resolve(entry.getKey()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleData.DS1_CSV, SampleData.DS2_CSV, DeliverySamples.MARCH_CSV,
            DeliverySamples.APRIL_CSV})
    void committedCsvSampleIsExactlyWhatTheGeneratorWrites(String name) {
        assertThat(samples.resolve(name)).hasSameBinaryContentAs(regeneratedDir.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleData.DS3_XLSX, SampleData.DS3_XLS, LabWorkbookSample.LAB_XLSX})
    void committedWorkbookSampleHoldsWhatTheGeneratorWrites(String name) throws IOException {
        assertThat(cellTexts(samples.resolve(name))).isEqualTo(cellTexts(regeneratedDir.resolve(name)));
    }

    @Test
    void eachSampleFileHoldsEveryKindOfFault() {
        assertThat(regenerated).hasSize(4).allSatisfy(report ->
                assertThat(EnumSet.copyOf(report.faultCounts().keySet())).containsExactlyInAnyOrder(Fault.values()));
    }

    @Test
    void readmeListsThePlantedFaultsOfEachSampleFile() throws IOException {
        String readme = Files.readString(samples.resolve("README.md"));

        assertThat(regenerated).allSatisfy(report -> assertThat(readme).contains(SampleData.faultTable(report)));
        assertThat(deliveries).allSatisfy(file -> assertThat(readme).contains(DeliverySamples.faultTable(file)));
        assertThat(readme).contains(LabWorkbookSample.faultTable(lab));
    }

    @Test
    void labWorkbookHoldsEachKindOfRelatedTableFaultAndItsProfileReads() {
        assertThat(lab.faults()).extracting(LabWorkbookSample.PlantedFault::fault)
                .containsExactlyInAnyOrder(LabWorkbookSample.LabFault.values());
        Profile profile = ProfileIO.read(samples.resolve("profiles").resolve(SampleProfiles.LAB_PROFILE));

        assertThat(profile.mapsSeveralTables()).isTrue();
        assertThat(ReferenceOrder.of(profile.tables()).parentsFirst()).extracting(TableMapping::table)
                .containsExactly("material", "supplier", "concrete_mix", "mix_component", "strength_test");
        assertThat(profile.tables()).allSatisfy(part -> assertThat(part.naturalKey()).isNotEmpty());
    }

    @Test
    void eachDeliveryFileHoldsTheFaultsACleaningStewardMeetsAndAprilRepeatsMarch() {
        DeliverySamples.DeliveryFile march = deliveries.get(0);
        DeliverySamples.DeliveryFile april = deliveries.get(1);

        assertThat(march.faults()).extracting(DeliverySamples.PlantedFault::fault)
                .containsAll(EnumSet.allOf(DeliverySamples.CleaningFault.class));
        assertThat(march.faults()).filteredOn(f -> f.value().equals("NRD")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(april.faults()).extracting(DeliverySamples.PlantedFault::value)
                .contains("NRD", "ALCP", "Hamburg Harburg", "HAMBURG-HARBURG", "Luebeck");
    }

    @Test
    void deliveryProfileMapsThePlantAndLeavesSuppliersToTheForeignKey() throws IOException {
        Profile profile = new ObjectMapper().readValue(samples.resolve("profiles").resolve("ds4.profile.json")
                .toFile(), Profile.class);

        assertThat(profile.columns()).anySatisfy(c -> {
            assertThat(c.source()).isEqualTo(DeliverySamples.PLANT_HEADER);
            assertThat(c.target()).isEqualTo("plant");
        });
        assertThat(profile.rules()).extracting(RuleSpec::id).doesNotContain("supplier-known")
                .contains("mix-code-unique", "wc-ratio-plausible");
    }

    @Test
    void germanSampleIsWindows1252AndEnglishSampleIsUtf8() throws IOException {
        byte[] german = Files.readAllBytes(samples.resolve(SampleData.DS2_CSV));
        byte[] english = Files.readAllBytes(samples.resolve(SampleData.DS1_CSV));

        assertThat(strictlyDecode(german, Charset.forName("windows-1252"))).contains("Hüttensand", "k.A.");
        assertThatThrownBy(() -> strictlyDecode(german, StandardCharsets.UTF_8))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(strictlyDecode(english, StandardCharsets.UTF_8)).contains("Prüfkörper", "béton");
    }

    private static String strictlyDecode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Every sheet's cells as displayed, with formulas, so two workbooks compare by content rather than bytes. */
    private static List<String> cellTexts(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                texts.add(sheet.getSheetName() + " hidden=" + workbook.isSheetHidden(workbook.getSheetIndex(sheet)));
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String formula = cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula() : "";
                        texts.add(cell.getAddress() + formula + " " + formatter.formatCellValue(cell));
                    }
                }
            }
        }
        return texts;
    }

    private static Set<String> concreteMixColumns() throws IOException {
        String sql;
        try (InputStream in = SampleDataTest.class.getResourceAsStream("/db/sample/V1__concrete_mix_schema.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String table = sql.substring(sql.indexOf("CREATE TABLE concrete_mix"), sql.indexOf("CONSTRAINT fk_mix"));
        Set<String> columns = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+([a-z_]+)\\s+(VARCHAR|NUMERIC|INTEGER|DATE)").matcher(table);
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    private static Path findSampleData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-data"))) {
                return dir.resolve("sample-data");
            }
        }
        throw new IllegalStateException("No sample-data directory above " + Path.of("").toAbsolutePath());
    }
}
