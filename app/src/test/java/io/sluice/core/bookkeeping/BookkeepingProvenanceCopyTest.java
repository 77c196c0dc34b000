package io.sluice.core.bookkeeping;

import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Provenance rows (COPY on PostgreSQL, JDBC batches on H2) keep awkward text exactly, and "" apart from NULL. */
class BookkeepingProvenanceCopyTest {

    private record Written(String key, Optional<String> sheet, long row, Optional<String> legacyId, RowAction action) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void provenanceWithAwkwardTextRoundTripsExactly(TestDatabases.Engine engine) throws SQLException {
        Database db = engine.fresh();
        List<RowProvenance> rows = List.of(
                new RowProvenance("concrete_mix", "[\"A, \\\"1\\\"\",3]", "Blatt \"1\", Ärger", 2, "", RowAction.INSERTED),
                new RowProvenance("concrete_mix", "line\nbreak\r\n€ 日本 \\N", null, 3, null, RowAction.SKIPPED),
                new RowProvenance("concrete_mix", "\\.", "", 4, "back\\slash", RowAction.INSERTED));
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long id = bookkeeping.startBatch(new BatchStart("awkward.csv", "a".repeat(64), null, "profile",
                    "b".repeat(64), "concrete_mix", ImportMode.INSERT, QualityScores.NONE, "steward")).id();
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (ProvenanceWriter writer = new ProvenanceWriter(connection, id)) {
                    rows.forEach(writer::add);
                }
                connection.commit();
            }

            List<Written> read = new ArrayList<>();
            bookkeeping.forEachProvenance(id, p -> read.add(written(p)));
            assertThat(read).containsExactlyInAnyOrderElementsOf(rows.stream()
                    .map(BookkeepingProvenanceCopyTest::written).toList());
        }
    }

    private static Written written(RowProvenance p) {
        return new Written(p.targetKey(), p.sourceSheet(), p.sourceRow(), p.legacyId(), p.action());
    }
}
