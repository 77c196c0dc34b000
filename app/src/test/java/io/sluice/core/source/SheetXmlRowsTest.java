package io.sluice.core.source;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sluice's own reading of a worksheet's rows gives exactly what fastexcel's reading gives (rows, cells with their
 * text, type and value, row issues, and the one sentence of a damaged sheet), for every shape below and for every
 * workbook in the test tree; the shapes it leaves to fastexcel are read by fastexcel from where it stopped.
 */
class SheetXmlRowsTest {

    private static final String NS = SheetXmlFixtures.MAIN_NS;
    private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>A</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>B</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>C</t></is></c></row>";
    private static final String SHARED = "<sst xmlns=\"" + NS + "\" count=\"4\" uniqueCount=\"4\"><si><t>plain</t></si>"
            + "<si><r><rPr><b/></rPr><t>Hel</t></r><r><t xml:space=\"preserve\">lo </t></r>"
            + "<rPh sb=\"0\" eb=\"1\"><t>HERO</t></rPh></si><si><t>&#x1F600; &amp; _x000D_</t></si>"
            + "<si><t>#N/A</t></si></sst>";

    @TempDir
    Path dir;

    /** Shapes Sluice reads itself, to the end of the sheet. */
    static Stream<Arguments> ownShapes() {
        return Stream.of(
                shape("numbers, fixed and date formats", row(2, "<c r=\"A2\"><v>12.5</v></c><c r=\"B2\" s=\"1\">"
                        + "<v>45366</v></c><c r=\"C2\" s=\"2\"><v>3</v></c>")
                        + row(3, "<c r=\"A3\" t=\"n\"><v>1.25E+1</v></c><c r=\"B3\" s=\"1\"><v>60</v></c>"
                        + "<c r=\"C3\"><v>0.30000000000000004</v></c>")),
                shape("shared strings: rich runs, phonetic text, references, escapes", row(2,
                        "<c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>2</v></c>")
                        + row(3, "<c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"s\"><v></v></c>")),
                shape("inline strings, rich and phonetic, and CR LF", row(2, "<c r=\"A2\" t=\"inlineStr\"><is><r><t>ab"
                        + "</t></r><r><t xml:space=\"preserve\"> c</t></r></is></c><c r=\"B2\" t=\"inlineStr\"><is>"
                        + "<t>x\r\ny\rz</t><rPh sb=\"0\" eb=\"1\"><t>P</t></rPh></is></c>"
                        + "<c r=\"C2\" t=\"inlineStr\"><f>A1</f><is><t>#DIV/0!</t></is></c>")),
                shape("formula results: text, boolean, error, number", row(2, "<c r=\"A2\" t=\"str\"><f>\"a\"&amp;\"b\""
                        + "</f><v>ab</v></c><c r=\"B2\" t=\"b\"><f>TRUE()</f><v>1</v></c><c r=\"C2\" t=\"e\"><f>1/0</f>"
                        + "<v>#DIV/0!</v></c>") + row(3, "<c r=\"A3\"><f>1+2</f><v>3</v></c><c r=\"B3\" t=\"b\">"
                        + "<v>0</v></c><c r=\"C3\" t=\"e\"><v>#N/A</v></c>")
                        + row(4, "<c r=\"A4\" t=\"str\"><f>A1</f><v>#REF!</v></c><c r=\"B4\"><f>A1</f><v></v></c>"
                        + "<c r=\"C4\" t=\"e\"><f/><v>#NAME?</v></c>")),
                shape("shared and array formulas", row(2, "<c r=\"A2\"><f t=\"shared\" ref=\"A2:A4\" si=\"0\">B2*2</f>"
                        + "<v>4</v></c><c r=\"B2\"><f t=\"array\" ref=\"B2:C3\">X</f><v>1</v></c>"
                        + "<c r=\"C2\" t=\"e\"><v>#VALUE!</v></c>") + row(3, "<c r=\"A3\"><f t=\"shared\" si=\"0\"/>"
                        + "<v>6</v></c><c r=\"C3\" t=\"e\"><v>#FOO</v></c>")),
                shape("XML: entities, character references, CDATA, comments", row(2, "<c r=\"A2\" t=\"str\">"
                        + "<v>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x10437;</v></c><!-- a comment -->"
                        + "<c r=\"B2\" t=\"str\"><v><![CDATA[<raw> & ]]></v></c>"
                        + "<c r=\"C2\" t=\"inlineStr\"><is><t>caf\u00e9 \u20ac \ud83d\ude00</t></is></c>")),
                shape("blank rows and cells, cells out of order and twice", row(2, "<c r=\"C2\"><v>3</v></c>"
                        + "<c r=\"A2\"><v>1</v></c><c r=\"A2\"><v>2</v></c><c r=\"B2\" s=\"1\"/>") + "<row r=\"3\"/>"
                        + row(4, "<c r=\"A4\"><v></v></c><c r=\"B4\" t=\"inlineStr\"/><c r=\"C4\"><v>1</v></c>")),
                shape("thousands of rows across the parser's and the scan's buffers", longRows(6000)),
                shape("impossible date and errors as row issues", row(2, "<c r=\"A2\" s=\"1\"><v>60</v></c>"
                        + "<c r=\"B2\" t=\"e\"><v>#NUM!</v></c><c r=\"C2\" t=\"e\"/>")),
                Arguments.of(Named.of("namespace prefixes, declaration, BOM", "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\""
                        + " standalone=\"yes\"?>\n<x:worksheet xmlns:x=\"" + NS + "\" xmlns:r=\"urn:r\">"
                        + "<x:dimension ref=\"A1:C2\"/><x:sheetData>" + HEADER.replace("<", "<x:").replace("<x:/", "</x:")
                        + "<x:row r=\"2\" x14ac:dyDescent=\"0.25\" xmlns:x14ac=\"urn:x14ac\"><x:c r=\"A2\" r:id=\"1\">"
                        + "<x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"), null));
    }

    /** Shapes fastexcel reads (from the row where Sluice's parser stops), or refuses with today's sentence. */
    static Stream<Arguments> fastexcelShapes() {
        return Stream.of(
                shape("rows and cells without r", "<row><c t=\"inlineStr\"><is><t>A</t></is></c></row><row><c>"
                        + "<v>1</v></c></row>"),
                shape("a padded number after many rows", manyRows(50) + row(60, "<c r=\"A60\"><v> 7 </v></c>")),
                shape("an ISO date", row(2, "<c r=\"A2\" t=\"d\" s=\"1\"><v>2024-03-15T00:00:00</v></c>")),
                shape("rows out of order", row(5, "<c r=\"A5\"><v>5</v></c>") + row(3, "<c r=\"A3\"><v>3</v></c>")),
                shape("a cell beyond the last column", row(2, "<c r=\"XFE2\"><v>1</v></c>")),
                shape("a row beyond the last row", row(1048577, "<c r=\"A1048577\"><v>1</v></c>")),
                shape("not a number", row(2, "<c r=\"A2\"><v>1,5</v></c>")),
                shape("not a boolean", row(2, "<c r=\"A2\" t=\"b\"><v>yes</v></c>")),
                shape("a processing instruction", row(2, "<?pi x?><c r=\"A2\"><v>1</v></c>")),
                shape("a lower-case reference", row(2, "<c r=\"a2\"><v>1</v></c>")),
                Arguments.of(Named.of("an undeclared prefix", "<worksheet xmlns=\"" + NS + "\"><sheetData>" + HEADER
                        + "<y:row r=\"2\"><c r=\"A2\"><v>1</v></c></y:row></sheetData></worksheet>"), null),
                Arguments.of(Named.of("an unclosed tag", "<worksheet xmlns=\"" + NS + "\"><sheetData>" + HEADER
                        + "<row r=\"2\"><c r=\"A2\"><v>1</v></row></sheetData></worksheet>"), null),
                Arguments.of(Named.of("a truncated part", "<worksheet xmlns=\"" + NS + "\"><sheetData>" + HEADER
                        + manyRows(30) + "<row r=\"40\"><c r=\"A40\"><v>1"), null),
                Arguments.of(Named.of("an attribute twice", "<worksheet xmlns=\"" + NS + "\"><sheetData>" + HEADER
                        + "<row r=\"2\"><c r=\"A2\" r=\"B2\"><v>1</v></c></row></sheetData></worksheet>"), null));
    }

    private static Arguments shape(String name, String rows) {
        return Arguments.of(Named.of(name, "<worksheet xmlns=\"" + NS + "\"><sheetData>" + HEADER + rows
                + "</sheetData></worksheet>"), SHARED);
    }

    private static String row(int number, String cells) {
        return "<row r=\"" + number + "\">" + cells + "</row>";
    }

    /** Rows long enough that tags, references and multi-byte characters fall across every buffer boundary. */
    private static String longRows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int r = 2; r < 2 + count; r++) {
            rows.append(row(r, "<c r=\"A" + r + "\" s=\"" + (r % 3) + "\"><v>" + (r * 7.25) + "</v></c>"
                    + "<c r=\"B" + r + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\u00e9\u20ac\ud83d\ude00 &amp;"
                    + " &#x10437; r" + r + " </t></is></c><c r=\"C" + r + "\" t=\"s\"><v>" + (r % 4) + "</v></c>"));
        }
        return rows.toString();
    }

    private static String manyRows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int r = 2; r < 2 + count; r++) {
            rows.append(row(r, "<c r=\"A" + r + "\"><v>" + r + "</v></c><c r=\"B" + r + "\" t=\"s\"><v>0</v></c>"));
        }
        return rows.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownShapes")
    void readsTheseShapesItselfAsFastexcelDoes(String worksheet, String sharedStrings) throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("own.xlsx"), worksheet, sharedStrings);
        assertThat(readsToTheEnd(file)).isTrue();
        assertThat(outcome(file, true)).isEqualTo(outcome(file, false)).doesNotStartWith("error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastexcelShapes")
    void leavesTheseShapesToFastexcelWithTheSameAnswer(String worksheet, String sharedStrings) throws IOException {
        Path file = SheetXmlFixtures.workbook(dir.resolve("other.xlsx"), worksheet, sharedStrings);
        assertThat(readsToTheEnd(file)).isFalse();
        assertThat(outcome(file, true)).isEqualTo(outcome(file, false));
    }

    @Test
    void readsEveryWorkbookOfTheTestTreeAsFastexcelDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("../sample-data", "src/test/resources/writers")) {
            try (Stream<Path> found = Files.list(Path.of(folder))) {
                found.filter(f -> f.toString().endsWith(".xlsx")).forEach(files::add);
            }
        }
        Path poi = dir.resolve("poi.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookFixtures.fill(wb);
            WorkbookFixtures.write(wb, poi);
        }
        files.add(poi);
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            for (var sheet : Sources.inspect(file, SourceOptions.DEFAULTS).sheets()) {
                SourceOptions options = SourceOptions.DEFAULTS.withSheet(sheet.name());
                assertThat(outcome(file, options, true)).as(file + " " + sheet.name())
                        .isEqualTo(outcome(file, options, false));
            }
        }
    }

    @Test
    void refusesAPartInAnotherEncoding() {
        byte[] utf16 = ("<worksheet xmlns=\"" + NS + "\"><sheetData/></worksheet>").getBytes(StandardCharsets.UTF_16);
        SheetXmlTokens tokens = new SheetXmlTokens(new ByteArrayInputStream(utf16));
        assertThatThrownBy(tokens::next).isInstanceOf(SheetXmlTokens.Unsupported.class);
    }

    @Test
    void refusesADoctype() {
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x \"y\">]><worksheet xmlns=\"" + NS
                + "\"><sheetData/></worksheet>").getBytes(StandardCharsets.UTF_8);
        SheetXmlTokens tokens = new SheetXmlTokens(new ByteArrayInputStream(xml));
        assertThatThrownBy(tokens::next).isInstanceOf(SheetXmlTokens.Unsupported.class);
    }

    /** Whether Sluice's parser alone reads the sheet to its end. */
    private static boolean readsToTheEnd(Path file) throws IOException {
        byte[] sheet = SheetXmlFixtures.part(file, "xl/worksheets/sheet1.xml").getBytes(StandardCharsets.UTF_8);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), XlsxReader.OPTIONS)) {
            SheetXmlRows rows = new SheetXmlRows(new SheetXmlTokens(new ByteArrayInputStream(sheet)), workbook,
                    new ExcelCells(workbook.isDate1904()));
            long last = 0;
            SourceRow row;
            while ((row = rows.next(last)) != null) {
                last = row.number();
            }
            return true;
        } catch (SheetXmlTokens.Unsupported e) {
            return false;
        }
    }

    private static String outcome(Path file, boolean sheetXml) {
        return outcome(file, SourceOptions.DEFAULTS, sheetXml);
    }

    /** Everything a reading gives, written out: columns, issues, and every row's cells; or the error's sentence. */
    private static String outcome(Path file, SourceOptions options, boolean sheetXml) {
        StringBuilder out = new StringBuilder();
        try (SourceTable table = XlsxReader.open(file, options, false, sheetXml).table()) {
            out.append(table.columns()).append('\n');
            List<SourceRow> rows = SourceTestSupport.readAll(table);
            out.append(table.issues()).append('\n');
            for (SourceRow row : rows) {
                out.append(row.number()).append(' ').append(row.issues()).append('\n');
                for (Cell cell : row.cells()) {
                    Object value = cell.value();
                    out.append("  ").append(cell.type()).append(" [").append(cell.text()).append("] ")
                            .append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value)
                            .append('\n');
                }
            }
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return out.toString();
    }
}
