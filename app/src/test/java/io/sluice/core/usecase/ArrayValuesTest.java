package io.sluice.core.usecase;

import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An array column takes the array literal the server reads, each element by its element type's own input; a refused
 * element is named. On H2, which converts no text to an array, the same literal's elements are given to the server,
 * which converts each to the element type; a refused element is named, and the array's cardinality is checked.
 */
class ArrayValuesTest extends OwnTableFixture {

    private static final List<String> COLUMNS = List.of("counts", "labels", "prices", "days", "codes");

    private static final List<String> SAMPLES = List.of("{1,2}", "{}", "{1,NULL}", "{NULL}", "{1,x}", "{{1,2},{3,4}}",
            "{{1,2},{3}}", "{1,2", "1,2", "{\"1\"}", "{ 1 , 2 }", "{1.5}", "{123.456}", "{1234.5}", "{-999.99}",
            "{2026-02-28}", "{2026-02-30}", "{\"a,b\",c}", "{abcd}", "{\"ab  \"}", "{\"abc   \"}", "{abc}",
            "{\"\"}", "{\"a\\\"b\"}", "{a b}", "{\"a}", "{1}}", "[1:2]={1,2}", "[0:1]={1,2}", "{{}}", "{{1},{2}}",
            "ARRAY[1,2]", "{1;2}", "{2147483648}", "{0x1F}", "{1e2}", "{NaN}", "{null}", "{\"NULL\"}",
            "{2026-01-01,2026-13-01}", "{01/02/2026}", "{today}", "{infinity}", "{{{1}}}", "{1,{2}}", "{ }",
            " {1}", "{1} ", "{\\}", "{\\\\}", "{a\\,b}", "{\"\\u0041\"}", "{é}", "{ééé}", "{éééé}");

    @Test
    void everyPostgresqlLiteralGetsTheServersVerdictAndImportsAsTheServerReadsIt() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "panel", List.of("id", "counts", "labels",
                "prices", "days", "codes"), "CREATE TABLE panel (id INTEGER PRIMARY KEY, counts INTEGER[],"
                + " labels TEXT[], prices NUMERIC(5,2)[], days DATE[], codes VARCHAR(3)[])");
        TargetReadVerdicts verdicts = new TargetReadVerdicts(target, "panel", COLUMNS);
        Set<String> refused = verdicts.validateAndImport(SAMPLES);

        assertThat(refused).hasSizeGreaterThan(60).contains("18 codes", "13 prices", "16 days", "4 counts");
    }

    @Test
    void aRefusedElementIsNamedAndABrokenLiteralSaysHowToWriteOne() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "panel", List.of("id", "counts", "prices",
                "codes"), "CREATE TABLE panel (id INTEGER PRIMARY KEY, counts INTEGER[], prices NUMERIC(5,2)[],"
                + " codes VARCHAR(3)[])");
        Path csv = target.csv("panel.csv", List.of("id,counts,prices,codes", "1,\"{1,x}\",\"{1,1234.5}\",\"{ab,abcd}\"",
                "2,\"{1,2\",{},{}"));

        List<Finding> findings = target.validate(csv);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "'{1,x}' has element 2, 'x', which is not integer as PostgreSQL reads it for counts (invalid input"
                        + " syntax for type integer: \"x\").",
                "'{1,1234.5}' has element 2, '1234.5', which is not numeric(5,2) as PostgreSQL reads it for prices"
                        + " (numeric field overflow (A field with precision 5, scale 2 must round to an absolute"
                        + " value less than 10^3)).",
                "'{ab,abcd}' has element 2, 'abcd', which is 4 characters long; codes (character varying(3)[])"
                        + " holds at most 3 in each element.",
                "'{1,2' is not an array PostgreSQL reads for counts (integer[]): write the elements in braces, such"
                        + " as {1,2,3} or {{1,2},{3,4}}, an element holding a comma, brace, quote or space in double"
                        + " quotes, and NULL for none (malformed array literal: \"{1,2\" (Unexpected end of input)).");
    }

    @Test
    void everyH2LiteralGetsTheServersVerdictForItsElementsAndCardinalityAndImports() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "panel", List.of("id", "counts", "labels", "prices",
                "days", "codes"), "CREATE TABLE panel (id INTEGER PRIMARY KEY, counts INTEGER ARRAY[3],"
                + " labels VARCHAR ARRAY, prices NUMERIC(5,2) ARRAY, days DATE ARRAY, codes VARCHAR(3) ARRAY)");
        TargetReadVerdicts verdicts = new TargetReadVerdicts(target, "panel", COLUMNS).readingArrays();
        Set<String> refused = verdicts.validateAndImport(SAMPLES);

        assertThat(refused).contains("0 days", "4 counts", "13 prices", "18 codes", "5 counts");
    }

    @Test
    void anH2ArraySaysWhichElementOrHowManyAndHowToWriteOne() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "panel", List.of("id", "counts", "codes"),
                "CREATE TABLE panel (id INTEGER PRIMARY KEY, counts INTEGER ARRAY[3], codes VARCHAR(3) ARRAY)");
        Path csv = target.csv("panel.csv", List.of("id,counts,codes", "1,\"{1,x}\",\"{ab,abcd}\"",
                "2,\"{1,2,3,4}\",\"[1,2]\"", "3,\"{1,NULL,\"\"3\"\"}\",\"{\"\"a,b\"\"}\""));

        List<Finding> findings = target.validate(csv);

        assertThat(findings).extracting(f -> f.row() + " " + f.message()).containsExactly(
                "2 '{1,x}' has element 2, 'x', which is not INTEGER as H2 reads it for COUNTS (Data conversion error"
                        + " converting \"x\").",
                "2 '{ab,abcd}' has element 2, 'abcd', which is 4 characters long; CODES (CHARACTER VARYING(3)"
                        + " ARRAY[65536]) holds at most 3 in each element.",
                "3 '[1,2]' is not an array: write the elements in braces, such as {1,2,3}, an element holding a"
                        + " comma, brace, quote or space in double quotes, and NULL for none (it does not begin with"
                        + " {).",
                "3 '{1,2,3,4}' has 4 elements; COUNTS (INTEGER ARRAY[3]) holds at most 3.");
    }
}
