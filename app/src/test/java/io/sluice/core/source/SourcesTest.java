package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bad files fail with one sentence naming the file; format is told by content. */
class SourcesTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAMissingFile() {
        assertInputError(dir.resolve("nope.xlsx"), "nope.xlsx: does not exist.");
    }

    @Test
    void rejectsAFolder() {
        assertInputError(dir, Problems.name(dir) + ": is a folder, not a file.");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertInputError(file, "empty.csv: is empty.");
    }

    @Test
    void rejectsAnExcelNameWithOtherContent() throws IOException {
        Path file = Files.writeString(dir.resolve("report.xlsx"), "not a workbook");
        assertInputError(file, "report.xlsx: is named like an Excel file but its content is not an Excel workbook"
                + " (it is damaged, or it is text that should be named .csv).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "export.xls|<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?><Workbook xmlns="
                + "\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/></Workbook>|is an Excel 2003 XML"
                + " spreadsheet, which Sluice cannot read; open it in Excel or LibreOffice and save it as .xlsx.",
        "sheet.fods|<?xml version=\"1.0\"?><office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                + "office:1.0\"/>|is a flat OpenDocument file (.fods, from LibreOffice), which Sluice cannot read;"
                + " save it as .xlsx.",
        "report.xls|  <!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>|is a web page"
                + " (HTML), not a spreadsheet, although some systems export tables so; open it in Excel or"
                + " LibreOffice and save it as .xlsx.",
        "rows.csv|<table><tr><td>1</td></tr></table>|is a web page (HTML), not a spreadsheet, although some systems"
                + " export tables so; open it in Excel or LibreOffice and save it as .xlsx.",
        "data.xml|<?xml version=\"1.0\"?><rows><row a=\"1\"/></rows>|is an XML file, not a spreadsheet or a text file"
                + " of rows."})
    void namesTheSpreadsheetsAndTablesWrittenAsMarkup(String name, String content, String sentence)
            throws IOException {
        Path file = Files.writeString(dir.resolve(name), "\ufeff" + content);
        assertInputError(file, name + ": " + sentence);
    }

    @Test
    void namesAJsonFileSuchAsAProfileGivenWhereTheSourceFileGoes() throws IOException {
        Path profile = Files.writeString(dir.resolve("ds1.profile.json"), "{\n  \"name\" : \"ds1\",\n  \"table\" :"
                + " \"concrete_mix\"\n}\n");
        Path rows = Files.writeString(dir.resolve("rows.json.csv"), "{id},name\n1,a\n");

        assertInputError(profile, "ds1.profile.json: is a JSON file (a Sluice profile is one), not a spreadsheet or a"
                + " text file of rows; load a profile as a profile, not as a source file.");
        try (SourceTable table = Sources.open(rows, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("{id}", "name");
        }
    }

    @Test
    void readsATextFileThatOnlyStartsWithAnAngleBracketAsRows() throws IOException {
        Path file = Files.writeString(dir.resolve("limits.csv"), "<5,>10\n1,2\n");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("<5", ">10");
        }
    }

    @Test
    void rejectsACorruptZip() throws IOException {
        byte[] garbage = new byte[2000];
        Arrays.fill(garbage, (byte) 7);
        System.arraycopy(new byte[] {0x50, 0x4B, 0x03, 0x04}, 0, garbage, 0, 4);
        Path file = Files.write(dir.resolve("corrupt.xlsx"), garbage);
        assertInputError(file, "corrupt.xlsx: is not a valid Excel file (its zip structure is damaged).");
    }

    @Test
    void rejectsATruncatedWorkbook() throws IOException {
        Path whole = workbook("whole.xlsx");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("truncated.xlsx: is not a valid Excel file");
    }

    @Test
    void rejectsAZipThatIsNotAWorkbook() throws IOException {
        Path file = dir.resolve("letter.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertInputError(file, "letter.docx: is a Word document, not an Excel workbook.");
    }

    @Test
    void detectsXlsxByContentWhateverItsName() throws IOException {
        Path xlsx = workbook("mixes.xlsx");
        Path renamed = Files.copy(xlsx, dir.resolve("mixes.csv"));
        assertThat(Sources.inspect(renamed, SourceOptions.DEFAULTS).format()).isEqualTo(SourceFormat.XLSX);
    }

    @Test
    void refusesAZipBombWithoutHanging() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            writeSpaces(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isLessThan(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                () -> Sources.inspect(file, SourceOptions.DEFAULTS)).isInstanceOf(SluiceException.class)
                .hasMessage("bomb.xlsx: looks like a zip bomb (a part expands far beyond its compressed size), so"
                        + " Sluice refuses to open it."));
    }

    @Test
    void refusesAZipBombInTheSheetBeingReadWithoutHanging() throws IOException {
        Path file = replaceSheet(workbook("clean.xlsx"), "bomb.xlsx", xml -> {
            int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
            return new String[] {xml.substring(0, data), xml.substring(data)};
        });
        assertThat(Files.size(file)).isLessThan(1_000_000);
        String message = "bomb.xlsx: looks like a zip bomb (a part expands far beyond its compressed size), so"
                + " Sluice refuses to open it.";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS)).hasMessage(message);
            assertThatThrownBy(() -> readThrough(file)).isInstanceOf(SluiceException.class).hasMessage(message);
        });
    }

    /** Copies a workbook, its first sheet split in two around 100 MB of spaces (compressing to almost nothing). */
    private Path replaceSheet(Path clean, String name, Function<String, String[]> split)
            throws IOException {
        Path file = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(clean));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String[] parts = split.apply(new String(bytes, StandardCharsets.UTF_8));
                    out.write(parts[0].getBytes(StandardCharsets.UTF_8));
                    writeSpaces(out);
                    out.write(parts[1].getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(bytes);
                }
            }
        }
        return file;
    }

    private static void writeSpaces(OutputStream out) throws IOException {
        byte[] spaces = new byte[1 << 16];
        Arrays.fill(spaces, (byte) ' ');
        for (int i = 0; i < 1600; i++) {
            out.write(spaces);
        }
    }

    private static void readThrough(Path file) {
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            while (table.next() != null) {
                // every row, so that a check running beside the reading has its say
            }
        }
    }

    @Test
    void refusesADoctypeInASheet() throws IOException {
        Path clean = workbook("clean.xlsx");
        Path file = dir.resolve("xxe.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(clean));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int afterDeclaration = xml.indexOf("?>") + 2;
                    xml = xml.substring(0, afterDeclaration)
                            + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                            + xml.substring(afterDeclaration).replace(">Code<", ">&xxe;<");
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        String message = "xxe.xlsx: contains a DOCTYPE declaration in xl/worksheets/sheet1.xml, which Sluice"
                + " refuses because it can be used to read other files (XXE).";
        assertInputError(file, message);
        assertThatThrownBy(() -> readThrough(file)).isInstanceOf(SluiceException.class).hasMessage(message);
    }

    @Test
    void rejectsAPasswordProtectedXlsx() throws IOException {
        Path plain = workbook("plain.xlsx");
        Path file = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertInputError(file, "locked.xlsx: is password-protected; remove the password in Excel and try again.");
    }

    @Test
    void hashesTheFileAsLowercaseHex() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.csv"), "abc");
        assertThat(Sources.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> Sources.sha256(dir.resolve("gone.csv"))).isInstanceOf(SluiceException.class)
                .hasMessage("gone.csv: does not exist.");
    }

    private Path workbook(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("Code");
            sheet.createRow(1).createCell(0).setCellValue("A1");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Files.write(file, bytes.toByteArray());
        }
        return file;
    }

    private static void assertInputError(Path file, String message) {
        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessage(message);
    }
}
