package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cell shapes that tools other than Excel write into a worksheet, each read the way Excel and readxl show it. */
class XlsxWriterShapesTest {

    private static final String NS = SheetXmlFixtures.MAIN_NS;
    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Value</t></is></c></row>";

    @TempDir
    Path dir;

    static Stream<Arguments> valueShapes() {
        return Stream.of(
                // Hand-written XML generators (PHP, shell templates) that pad or pretty-print the value element.
                shape("spaces around a number", "<c r=\"A2\"><v> 12.5 </v></c>", "12.5"),
                shape("line breaks around a number", "<c r=\"A2\"><v>\n  12.5\n</v></c>", "12.5"),
                shape("tab and spaces around a date", "<c r=\"A2\" s=\"1\"><v>\t45366 </v></c>", "15/03/2024"),
                shape("spaces around a formula's cached number", "<c r=\"A2\"><f>1+2</f><v> 3 </v></c>", "3"),
                shape("spaces around a boolean", "<c r=\"A2\" t=\"b\"><v> 0 </v></c>", "FALSE"),
                shape("spaces around a shared-string index", "<c r=\"A2\" t=\"s\"><v> 0 </v></c>", "placeholder"),
                shape("spaces around an explicit number", "<c r=\"A2\" t=\"n\"><v> 7 </v></c>", "7"),
                // SheetJS writes t="n" on every number.
                shape("explicit t=n", "<c r=\"A2\" t=\"n\"><v>12.5</v></c>", "12.5"),
                shape("exponent", "<c r=\"A2\"><v>1.25E+1</v></c>", "12.5"),
                shape("leading dot", "<c r=\"A2\"><v>.5</v></c>", "0.5"),
                // POI's SXSSF, XlsxWriter's constant-memory mode and many streaming writers write inline strings.
                shape("inline string", "<c r=\"A2\" t=\"inlineStr\"><is><t>abc</t></is></c>", "abc"),
                shape("inline rich text", "<c r=\"A2\" t=\"inlineStr\"><is><r><t>ab</t></r><r><t>c</t></r></is></c>",
                        "abc"),
                // LibreOffice and Excel write t="str" for a formula whose cached result is text.
                shape("text formula result", "<c r=\"A2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>", "ab"),
                shape("boolean", "<c r=\"A2\" t=\"b\"><v>1</v></c>", "TRUE"),
                shape("error", "<c r=\"A2\" t=\"e\"><v>#N/A</v></c>", "#N/A"),
                shape("date as a number with a custom format", "<c r=\"A2\" s=\"1\"><v>45366</v></c>", "15/03/2024"),
                shape("number with format 0.00", "<c r=\"A2\" s=\"2\"><v>3</v></c>", "3.00"),
                // SheetJS (cellDates) and Excel's Strict format write dates as ISO 8601 text with t="d".
                shape("ISO date t=d", "<c r=\"A2\" t=\"d\" s=\"1\"><v>2024-03-15T00:00:00</v></c>", "15/03/2024"),
                shape("shared string with rich runs and phonetic text", "<c r=\"A2\" t=\"s\"><v>1</v></c>", "Hello"));
    }

    private static Arguments shape(String name, String cell, String expected) {
        return Arguments.of(Named.of(name, cell), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueShapes")
    void readsTheValueShapesOtherWritersProduce(String cell, String expected) throws IOException {
        // Excel writes rich text runs (<r>) for partly formatted text, and phonetic guides (<rPh>) in Japanese files.
        String sharedStrings = "<sst xmlns=\"" + NS + "\" count=\"2\" uniqueCount=\"2\"><si><t>placeholder</t></si>"
                + "<si><r><rPr><b/></rPr><t>Hel</t></r><r><t xml:space=\"preserve\">lo</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>HERO</t></rPh></si></sst>";
        Path file = SheetXmlFixtures.workbook(dir.resolve("shape.xlsx"), "<worksheet xmlns=\"" + NS + "\"><sheetData>"
                + HEADER_ROW + "<row r=\"2\">" + cell + "</row></sheetData></worksheet>", sharedStrings);
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("Value");
            List<SourceRow> rows = readAll(table);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(texts(rows.get(0))).containsExactly(expected);
        }
    }

    static Stream<Arguments> layoutShapes() {
        return Stream.of(
                // Some generators (and hand-written XML) leave out the optional r attributes of rows and cells.
                layout("cells without r", "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Name</t></is></c>"
                        + "<c t=\"inlineStr\"><is><t>Size</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>a"
                        + "</t></is></c><c><v>1</v></c></row></sheetData>"),
                layout("rows and cells without r", "<sheetData><row><c t=\"inlineStr\"><is><t>Name</t></is></c>"
                        + "<c t=\"inlineStr\"><is><t>Size</t></is></c></row><row><c t=\"inlineStr\"><is><t>a</t></is>"
                        + "</c><c><v>1</v></c></row></sheetData>"),
                // The .NET Open XML SDK often writes the main namespace with a prefix.
                layoutPrefixed("namespace prefix x:"),
                // ... and hand-built documents combine it with padded values and no positions.
                Arguments.of(Named.of("namespace prefix, padding and no positions", "<x:worksheet xmlns:x=\"" + NS
                        + "\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>Name</x:t></x:is></x:c><x:c"
                        + " t=\"inlineStr\"><x:is><x:t>Size</x:t></x:is></x:c></x:row><x:row><x:c t=\"inlineStr\">"
                        + "<x:is><x:t>a</x:t></x:is></x:c><x:c><x:v> 1 </x:v></x:c></x:row></x:sheetData>"
                        + "</x:worksheet>")));
    }

    private static Arguments layout(String name, String sheetData) {
        return Arguments.of(Named.of(name, "<worksheet xmlns=\"" + NS + "\">" + sheetData + "</worksheet>"));
    }

    private static Arguments layoutPrefixed(String name) {
        return Arguments.of(Named.of(name, "<x:worksheet xmlns:x=\"" + NS + "\"><x:sheetData><x:row r=\"1\">"
                + "<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Name</x:t></x:is></x:c><x:c r=\"B1\" t=\"inlineStr\"><x:is>"
                + "<x:t>Size</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>a</x:t>"
                + "</x:is></x:c><x:c r=\"B2\"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutShapes")
    void readsTheSheetLayoutsOtherWritersProduce(String worksheet) throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("layout.xlsx"), worksheet, null);
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("Name", "Size");
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceRow::number).containsExactly(2L);
            assertThat(texts(rows.get(0))).containsExactly("a", "1");
        }
    }

    @Test
    void readsOnFromTheNormalizedSheetPastTheRowsAlreadyRead() throws IOException {
        StringBuilder data = new StringBuilder(HEADER_ROW);
        for (int r = 2; r <= 200; r++) {
            // one padded value far below the header, after fastexcel has handed out many rows
            String value = r == 150 ? " 150 " : Integer.toString(r);
            data.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(value)
                    .append("</v></c></row>");
        }
        Path file = SheetXmlFixtures.workbook(dir.resolve("padded-late.xlsx"), data.toString());
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).hasSize(199);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).number()).isEqualTo(i + 2);
                assertThat(rows.get(i).cell(0).text()).isEqualTo(Integer.toString(i + 2));
            }
        }
        assertThat(Sources.inspect(file, SourceOptions.DEFAULTS).sheets().get(0).dataRows()).isEqualTo(199);
    }

    @Test
    void leavesNoTemporaryCopyBehind() throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("padded.xlsx"),
                HEADER_ROW + "<row r=\"2\"><c r=\"A2\"><v> 1 </v></c></row>");
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCopies(temp);
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(readAll(table)).hasSize(1);
        }
        assertThat(countCopies(temp)).isEqualTo(before);
    }

    private static long countCopies(Path temp) throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("sluice-sheet-")).count();
        }
    }

    @Test
    void saysWhichFormulasHoldNoSavedResult() throws IOException {
        // openpyxl and openxlsx write formulas without a result (<v></v> or no <v>) and leave calculating to Excel.
        Path file = SheetXmlFixtures.workbook(dir.resolve("uncalculated.xlsx"), HEADER_ROW
                + "<row r=\"2\"><c r=\"A2\"><f>1+2</f><v></v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><f>1+2</f><v>3</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"a\"&amp;\"b\"</f></c><c r=\"B4\"><v>1</v></c></row>");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceRow::number).containsExactly(2L, 3L, 4L);
            assertThat(rows.get(0).cell(0)).isEqualTo(Cell.BLANK);
            assertThat(rows.get(0).issues()).containsExactly(new SourceIssue("formula-without-result", 2, "A",
                    "Cell A2 holds a formula whose result was never saved in the file, so it reads as blank; open and"
                            + " save the file in Excel or LibreOffice to store the result."));
            assertThat(rows.get(1).issues()).isEmpty();
            assertThat(rows.get(2).issues()).extracting(SourceIssue::kind).containsExactly("formula-without-result");
        }
    }

    @ParameterizedTest
    @CsvSource({"true, <c r=\"A2\"><f>1+2</f><v>0</v></c>, true", "false, <c r=\"A2\"><f>1+2</f><v>3</v></c>, false",
        "true, <c r=\"A2\"><v>3</v></c>, false"})
    void saysWhenTheWorkbookWantsItsFormulasCalculatedOnOpening(boolean calculateOnOpening, String cell,
                                                                boolean said) throws IOException {
        // XlsxWriter writes 0 as every formula's result and asks Excel to calculate them all when it opens the file.
        Path file = SheetXmlFixtures.workbook(dir.resolve("calc.xlsx"), HEADER_ROW + "<row r=\"2\">" + cell + "</row>");
        if (calculateOnOpening) {
            String workbook = SheetXmlFixtures.part(file, "xl/workbook.xml");
            SheetXmlFixtures.rewrite(Files.readAllBytes(file), file, Map.of("xl/workbook.xml",
                    workbook.replace("</workbook>", "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>")));
        }
        List<SourceIssue> read;
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(readAll(table)).hasSize(1);
            read = table.issues();
        }
        List<SourceIssue> inspected = Sources.inspect(file, SourceOptions.DEFAULTS).issues();
        for (List<SourceIssue> issues : List.of(read, inspected)) {
            assertThat(issues.stream().anyMatch(i -> i.kind().equals("formulas-not-calculated"))).isEqualTo(said);
        }
    }

    @Test
    void namesTheCellWhoseNumberIsNotANumber() throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("comma.xlsx"),
                HEADER_ROW + "<row r=\"2\"><c r=\"A2\"><v> 1,5 </v></c></row>");
        assertThatThrownBy(() -> readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .isInstanceOf(SluiceException.class)
                .hasMessage("comma.xlsx: sheet \"Data\" holds \"1,5\" in cell A2 where a number must be, so the sheet"
                        + " cannot be read.");
    }

    @Test
    void refusesRowsOutOfOrder() throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("order.xlsx"), HEADER_ROW
                + "<row r=\"5\"><c r=\"A5\"><v>5</v></c></row><row r=\"3\"><c r=\"A3\"><v>3</v></c></row>");
        assertThatThrownBy(() -> readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .isInstanceOf(SluiceException.class)
                .hasMessage("order.xlsx: has a damaged sheet \"Data\": row 3 comes after row 5, but rows must be in"
                        + " order.");
    }

    @Test
    void keepsTheZipBombDefenceForSheetsThatNeedNormalizing() throws IOException {
        // Megabytes of padding inside a value compress a thousandfold: the inflate-ratio check must still refuse it.
        Path file = SheetXmlFixtures.workbook(dir.resolve("bomb.xlsx"),
                HEADER_ROW + "<row r=\"2\"><c r=\"A2\"><v>" + " ".repeat(20_000_000) + "1</v></c></row>");
        assertThatThrownBy(() -> readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void keepsTheXxeDefenceForSheetsThatNeedNormalizing() throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("xxe.xlsx"), "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"" + NS
                + "\"><sheetData>" + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"str\"><v>&x;</v></c>"
                + "<c r=\"B2\"><v> 1 </v></c></row></sheetData></worksheet>", null);
        assertThatThrownBy(() -> readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @ParameterizedTest
    @CsvSource({"XFE1, XFE1", "A1048577, A1048577"})
    void refusesCellsBeyondExcelsGrid(String reference, String named) throws IOException {
        String row = reference.replaceAll("[A-Z]", "");
        Path file = SheetXmlFixtures.workbook(dir.resolve("beyond.xlsx"), HEADER_ROW + "<row r=\"" + row
                + "\"><c r=\"" + reference + "\"><v>1</v></c></row>");
        String expected = "beyond.xlsx: sheet \"Data\" has a cell at " + named + ", beyond Excel's last row 1,048,576"
                + " or last column XFD, so the file is damaged and Sluice does not read it.";
        assertThatThrownBy(() -> readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .isInstanceOf(SluiceException.class).hasMessage(expected);
        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class).hasMessage(expected);
    }

    @Test
    void saysThatStrictOpenXmlCannotBeRead() throws IOException {
        // Excel's "Strict Open XML Spreadsheet" save option writes the ISO 29500 Strict namespaces.
        Path written = SheetXmlFixtures.workbook(dir.resolve("transitional.xlsx"),
                HEADER_ROW + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>");
        Map<String, String> parts = new HashMap<>();
        for (String name : List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml",
                "xl/_rels/workbook.xml.rels")) {
            parts.put(name, SheetXmlFixtures.part(written, name)
                    .replace(NS, "http://purl.oclc.org/ooxml/spreadsheetml/main")
                    .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                            "http://purl.oclc.org/ooxml/officeDocument/relationships"));
        }
        Path strict = dir.resolve("strict.xlsx");
        SheetXmlFixtures.rewrite(Files.readAllBytes(written), strict, parts);
        assertThatThrownBy(() -> Sources.open(strict, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("strict.xlsx: is saved as Strict Open XML Spreadsheet, which Sluice cannot read; save it in"
                        + " Excel as Excel Workbook (.xlsx).");
    }
}
