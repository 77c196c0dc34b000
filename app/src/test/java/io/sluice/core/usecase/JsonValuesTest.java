package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A json or jsonb column of PostgreSQL takes one JSON value, as the server reads it: a value that is not one is an
 * error of validation, not a refused import, and the valid ones are written as they are.
 */
class JsonValuesTest extends OwnTableFixture {

    @Test
    void aValueThatIsNotOneJsonDocumentIsAnErrorAndTheValidOnesImport() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "event", List.of("id", "doc", "raw"),
                "CREATE TABLE event (id INTEGER PRIMARY KEY, doc JSONB, raw JSON)");
        Path csv = target.csv("events.csv", List.of("id,doc,raw", "1,\"{\"\"a\"\": [1, 2.50, null]}\",\"\"\"x\"\"\"",
                "2,\"{a: 1}\",1", "3,\"[1, 2] 3\",true", "4,\"\"\"\\u0000\"\"\",\"\"\"\\u0000\"\"\"", "5,42,{}"));

        List<Finding> findings = target.validate(csv);

        assertThat(findings).extracting(f -> f.row() + " " + f.target() + " " + f.rule()).containsExactly(
                "3 doc type", "4 doc type", "5 doc type");
        assertThat(findings.get(2).message()).isEqualTo("'\"\\u0000\"' holds the character \\u0000, which a jsonb"
                + " column refuses.");
        try (ImportRows rows = target.importOf(csv, null)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        assertThat(TableText.rows(target.db.connection(), "SELECT id, doc::text, raw::text FROM event ORDER BY id"))
                .containsExactly("1|{\"a\": [1, 2.50, null]}|\"x\"", "5|42|{}");
    }
}
