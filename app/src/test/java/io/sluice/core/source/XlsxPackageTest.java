package io.sluice.core.source;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fastexcel reads the sheet from the bytes its safety scan inflated, and never loses a row when it stops taking them. */
class XlsxPackageTest {

    @TempDir
    Path dir;

    @Test
    void fastexcelCanBeGivenThePackageSluiceOpens() {
        // Fails when a fastexcel upgrade removes the constructors XlsxPackage builds a workbook with (decision 0038).
        assertThat(XlsxPackage.available()).isTrue();
    }

    @Test
    void readsEveryRowWhenTheMergedRangesAreAskedForInTheMiddleOfTheSheet() throws IOException {
        Path file = dir.resolve("large.xlsx");
        int rows = 60_000;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet("Data");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("n");
            header.createCell(1).setCellValue("label");
            for (int i = 1; i <= rows; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue("row " + i);
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 2));
            WorkbookFixtures.write(wb, file);
            wb.dispose();
        }
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            List<SourceRow> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                all.add(table.next());
            }
            // waits for the scan's verdict: the reader stops taking the scanned bytes and reads on from elsewhere
            assertThat(table.issues()).extracting(SourceIssue::kind).containsExactly("merged-cells");
            SourceRow row;
            while ((row = table.next()) != null) {
                all.add(row);
            }
            assertThat(all).hasSize(rows);
            for (int i = 0; i < rows; i++) {
                assertThat(all.get(i).number()).isEqualTo(i + 2);
            }
            assertThat(texts(all.get(rows - 1))).containsExactly(Integer.toString(rows), "row " + rows);
        }
    }

    @Test
    void handsOverTheBytesInOrderAndThenTheEnd() throws Exception {
        SheetBytes bytes = new SheetBytes();
        assertThat(bytes.put("<row>".getBytes(StandardCharsets.US_ASCII), 5)).isTrue();
        assertThat(bytes.put("</row>..".getBytes(StandardCharsets.US_ASCII), 6)).isTrue();
        bytes.end();
        assertThat(new String(bytes.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("<row></row>");
        assertThat(bytes.read()).isEqualTo(-1);
    }

    @Test
    void givesBackOnlyTheChunksTheReaderHasReadToTheirEnd() throws Exception {
        SheetBytes bytes = new SheetBytes();
        byte[] first = bytes.emptyChunk(4);
        byte[] second = bytes.emptyChunk(4);
        assertThat(second).isNotSameAs(first);
        System.arraycopy("<row".getBytes(StandardCharsets.US_ASCII), 0, first, 0, 4);
        System.arraycopy("/>..".getBytes(StandardCharsets.US_ASCII), 0, second, 0, 4);
        bytes.put(first, 4);
        bytes.put(second, 2);
        bytes.end();
        byte[] read = new byte[4];
        assertThat(bytes.read(read, 0, 4)).isEqualTo(4);
        // the first chunk is read to its end, but the reader has not asked for more: it is still the reader's
        assertThat(bytes.emptyChunk(4)).isNotSameAs(first).isNotSameAs(second);
        assertThat(bytes.read(read, 0, 4)).isEqualTo(2);
        assertThat(new String(read, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("/>");
        assertThat(bytes.emptyChunk(4)).isSameAs(first);
        assertThat(bytes.emptyChunk(8)).isNotSameAs(second).hasSize(8);
    }

    @Test
    void failsTheReaderWithTheScansReason() throws Exception {
        SheetBytes bytes = new SheetBytes();
        bytes.put(new byte[] {'<'}, 1);
        bytes.fail(new IOException("x.xlsx: looks like a zip bomb"));
        assertThatThrownBy(bytes::read).isInstanceOf(IOException.class).hasMessage("x.xlsx: looks like a zip bomb");
    }

    @Test
    void aReaderThatHasAbandonedTheBytesIsToldSoInsteadOfSeeingTheSheetEnd() throws Exception {
        SheetBytes bytes = new SheetBytes();
        bytes.put(new byte[] {'<'}, 1);
        bytes.abandon();
        assertThat(bytes.put(new byte[] {'r'}, 1)).isFalse();
        assertThatThrownBy(bytes::read).isInstanceOf(IOException.class)
                .hasMessageContaining("no longer handed to the reader");
    }
}
