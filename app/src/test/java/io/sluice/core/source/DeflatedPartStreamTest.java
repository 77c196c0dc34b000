package io.sluice.core.source;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A package part inflated from large input blocks gives the very bytes the zip library gives, and keeps POI's limits. */
class DeflatedPartStreamTest {

    @TempDir
    Path dir;

    @Test
    void givesTheSameBytesAsTheZipLibrarysOwnStream() throws IOException {
        byte[] sheet = sheetXml(40_000);
        byte[] stored = "<workbook/>".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("parts.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet);
            zip.closeEntry();
            ZipEntry plain = new ZipEntry("xl/workbook.xml");
            plain.setMethod(ZipEntry.STORED);
            plain.setSize(stored.length);
            CRC32 crc = new CRC32();
            crc.update(stored);
            plain.setCrc(crc.getValue());
            zip.putNextEntry(plain);
            zip.write(stored);
            zip.closeEntry();
        }
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            ZipArchiveEntry deflated = zip.getEntry("xl/worksheets/sheet1.xml");
            try (InputStream ours = DeflatedPartStream.open(zip, deflated);
                 InputStream theirs = zip.getInputStream(deflated)) {
                byte[] read = readInOddSizes(ours);
                assertThat(read).isEqualTo(theirs.readAllBytes()).isEqualTo(sheet);
            }
            try (InputStream ours = DeflatedPartStream.open(zip, zip.getEntry("xl/workbook.xml"))) {
                assertThat(ours.readAllBytes()).isEqualTo(stored);
            }
        }
    }

    @Test
    void refusesAPartThatExpandsLikeAZipBomb() throws IOException {
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile());
             InputStream in = DeflatedPartStream.open(zip, zip.getEntry("xl/worksheets/sheet1.xml"))) {
            byte[] buffer = new byte[64 * 1024];
            assertThatThrownBy(() -> {
                while (in.read(buffer) > 0) {
                    // reads until the threshold stream stops it
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("Zip bomb");
        }
    }

    @Test
    void failsOnADamagedPartInsteadOfEndingIt() throws IOException {
        Path file = dir.resolve("damaged.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheetXml(5_000));
            zip.closeEntry();
        }
        // Damaged deflated data right after the part's local header: the sizes in the directory stay as they were.
        byte[] whole = Files.readAllBytes(file);
        byte[] damaged = whole.clone();
        int start = indexOf(whole, "sheet1.xml".getBytes(StandardCharsets.US_ASCII)) + "sheet1.xml".length();
        for (int i = start; i < start + 200; i++) { // the first block says type 3, which deflate does not have
            damaged[i] = (byte) 0xff;
        }
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, damaged);
        try (ZipSecureFile zip = new ZipSecureFile(broken.toFile());
             InputStream in = DeflatedPartStream.open(zip, zip.getEntry("xl/worksheets/sheet1.xml"))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    private static byte[] readInOddSizes(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[70_001];
        int[] sizes = {1, 7, 4096, 65_536, 70_001};
        int turn = 0;
        int n;
        while ((n = in.read(buffer, 0, sizes[turn++ % sizes.length])) >= 0) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }

    private static byte[] sheetXml(int rows) {
        Random random = new Random(14);
        StringBuilder xml = new StringBuilder("<worksheet><sheetData>");
        for (int r = 1; r <= rows; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>")
                    .append(random.nextInt(1_000_000)).append('.').append(random.nextInt(1000))
                    .append("</v></c><c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>Mörtel ")
                    .append(Long.toHexString(random.nextLong())).append("</t></is></c></row>");
        }
        return xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
