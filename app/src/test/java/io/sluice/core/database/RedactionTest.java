package io.sluice.core.database;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A driver's message as a steward reads it: the first line, without H2's error code or its statement tail. */
class RedactionTest {

    @Test
    void aCheckViolationKeepsTheConstraintAndDropsTheStatement() {
        SQLException h2 = new SQLException("Check constraint violation: \"CK_WATER_NONNEGATIVE: (WATER_KG >= 0)\"; SQL"
                + " statement:\nINSERT INTO \"PUBLIC\".\"CONCRETE_MIX\" VALUES (?, ?) [23513-232]");

        assertThat(Redaction.reason(h2, null, null))
                .isEqualTo("Check constraint violation: \"CK_WATER_NONNEGATIVE: (WATER_KG >= 0)\"");
    }

    @Test
    void anH2ErrorCodeIsDropped() {
        assertThat(Redaction.reason(new SQLException("Table \"NOPE\" not found [42102-232]"), null, null))
                .isEqualTo("Table \"NOPE\" not found");
    }

    @Test
    void aPostgresMessageStaysAsItIs() {
        assertThat(Redaction.reason(new SQLException("ERROR: value too long for type character varying(10)"), null,
                null)).isEqualTo("ERROR: value too long for type character varying(10)");
    }
}
