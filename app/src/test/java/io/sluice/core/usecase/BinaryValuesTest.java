package io.sluice.core.usecase;

import io.sluice.core.rules.Finding;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bytea column of PostgreSQL takes its hex form ({@code \x0a1b}) or its escape form, as the server reads them, and
 * nothing else; an H2 binary column stores a text's UTF-8 bytes, as H2 itself converts it, within its length.
 */
class BinaryValuesTest extends OwnTableFixture {

    private static List<String> byteaSpellings() {
        Set<String> s = new LinkedHashSet<>();
        for (String hex : List.of("", "0a", "0A1b", "0a1", "zz", "0a 1b", " 0a", "0a ", "0 a", "0a\t1b",
                "deadbeef", "DEADBEEF00", "g0", "0x0a", "\\x0a")) {
            s.add("\\x" + hex);
            s.add("\\X" + hex);
        }
        s.addAll(List.of("abc", "a\\\\b", "a\\b", "\\001", "\\000", "\\377", "\\400", "\\38", "\\0", "\\00",
                "\\", "\\\\", "x\\", "é", "tab\there", "\\\\x0a", "\\x", "0a1b", "'quoted'", "\\1234",
                "\\0011", "a\\\\\\\\b", "\\\\\\", "\\xa"));
        s.remove("");
        return new ArrayList<>(s);
    }

    @Test
    void everyByteaSpellingGetsTheServersVerdictAndImportsAsTheServerReadsIt() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "blob_store", List.of("id", "payload"),
                "CREATE TABLE blob_store (id INTEGER PRIMARY KEY, payload BYTEA)");
        TargetReadVerdicts verdicts = new TargetReadVerdicts(target, "blob_store", List.of("payload"));
        List<String> samples = byteaSpellings();
        Set<String> refused = verdicts.validateAndImport(samples);

        assertThat(refused).hasSizeGreaterThan(10);
        assertThat(TableText.rows(target.db.connection(), "SELECT encode(payload, 'hex') FROM blob_store WHERE id = "
                + (samples.indexOf("\\x0A1b") + 1))).containsExactly("0a1b");
    }

    @Test
    void aRefusedByteaSaysWhatIsExpected() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "blob_store", List.of("id", "payload"),
                "CREATE TABLE blob_store (id INTEGER PRIMARY KEY, payload BYTEA)");
        Path csv = target.csv("blobs.csv", List.of("id,payload", "1,\\x0g", "2,\\x0a1b"));

        assertThat(target.validate(csv)).extracting(Finding::message).containsExactly("'\\x0g' is not bytea text"
                + " PostgreSQL reads for payload: write \\x and pairs of hex digits, such as \\x0a1b, or the escape"
                + " form with each backslash written \\\\ (invalid hexadecimal digit: \"g\").");
    }

    @Test
    void anH2BinaryColumnTakesTheUtf8BytesOfItsTextWithinItsLength() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "blob_store", List.of("id", "tag", "code", "body"),
                "CREATE TABLE blob_store (id INTEGER PRIMARY KEY, tag VARBINARY(3), code BINARY(2), body BLOB)");
        TargetReadVerdicts verdicts = new TargetReadVerdicts(target, "blob_store", List.of("tag", "code", "body"));
        List<String> samples = List.of("a", "ab", "abc", "abcd", "é", "éé", "0a0b", "\\x0a", "x");
        Path csv = verdicts.csv(samples);

        List<Finding> findings = target.validate(csv);

        Set<String> refused = verdicts.refusedByServer(samples);
        assertThat(refused).contains("3 tag", "2 code", "5 tag");
        assertThat(verdicts.refusedByValidation(findings)).isEqualTo(refused);
        assertThat(findings).extracting(Finding::message).contains("tag is 4 bytes long in UTF-8, as H2 stores the"
                + " text of a binary column; the column holds at most 3 bytes.");
        long badRows = refused.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct().count();
        assertThat(verdicts.importedDiffersFromServer(csv, samples, samples.size() - (int) badRows)).isEmpty();
    }
}
