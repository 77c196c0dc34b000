package io.sluice.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsWriterTest {

    @TempDir
    Path dir;

    private static final List<Finding> FINDINGS = List.of(
            new Finding(6, "Supplier", "N6", "SUPPLIER_CODE", "fk", Severity.ERROR,
                    "Supplier 'NRD' does not exist in SUPPLIER.SUPPLIER_CODE.", "NRD"),
            new Finding(9, null, null, null, "wc-ratio", Severity.WARNING, "Ratio \"odd\", check it.", null),
            new Finding(12, "Note", "D12", "NOTE", "length", Severity.ERROR, "Too long.", "=1+1"));

    @Test
    void writesOneJsonArrayWithOneObjectPerFinding() throws IOException {
        Path file = dir.resolve("findings.json");
        try (FindingsWriter writer = FindingsWriter.json(file)) {
            FINDINGS.forEach(writer::write);
            assertThat(writer.count()).isEqualTo(3);
        }

        JsonNode array = new ObjectMapper().readTree(file.toFile());

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        JsonNode first = array.get(0);
        assertThat(first.get("row").asLong()).isEqualTo(6);
        assertThat(first.get("column").asText()).isEqualTo("Supplier");
        assertThat(first.get("cell").asText()).isEqualTo("N6");
        assertThat(first.get("target").asText()).isEqualTo("SUPPLIER_CODE");
        assertThat(first.get("rule").asText()).isEqualTo("fk");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("value").asText()).isEqualTo("NRD");
        assertThat(array.get(1).get("column").isNull()).isTrue();
        assertThat(array.get(1).get("message").asText()).isEqualTo("Ratio \"odd\", check it.");
        assertThat(array.get(2).get("value").asText()).isEqualTo("=1+1");
    }

    @Test
    void writesAnEmptyJsonArrayWhenThereAreNoFindings() throws IOException {
        Path file = dir.resolve("none.json");
        FindingsWriter.json(file).close();

        assertThat(new ObjectMapper().readTree(file.toFile()).isEmpty()).isTrue();
    }

    @Test
    void writesFindingsAsGuardedCsv() throws IOException {
        Path file = dir.resolve("findings.csv");
        try (FindingsWriter writer = FindingsWriter.csv(file, CsvOptions.DEFAULTS)) {
            FINDINGS.forEach(writer::write);
        }

        List<List<String>> records = ExportFixture.records(Files.readString(file, StandardCharsets.UTF_8), ',');

        assertThat(records).hasSize(4);
        assertThat(records.get(0)).containsExactly("row", "cell", "column", "target", "rule", "severity", "message",
                "value");
        assertThat(records.get(1)).containsExactly("6", "N6", "Supplier", "SUPPLIER_CODE", "fk", "error",
                "Supplier 'NRD' does not exist in SUPPLIER.SUPPLIER_CODE.", "NRD");
        assertThat(records.get(2)).containsExactly("9", "", "", "", "wc-ratio", "warning", "Ratio \"odd\", check it.",
                "");
        assertThat(records.get(3).get(7)).isEqualTo("'=1+1");
    }
}
