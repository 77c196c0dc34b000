package io.sluice.core.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;

/**
 * Writes rule steps into the review file, each in one durable transaction: the replaced rules' findings move to
 * {@code command_finding} (the side not in force), the new ones take their place, the profile and quality basis
 * change, the rows whose status changed go to {@code rule_change}, and the audit gets one entry. Undo and redo swap
 * the two sides of findings, profile and basis, so what comes back is exactly what was there.
 */
final class RuleLedger {

    private static final int BATCH = 1_000;
    private static final String RULES_IN = "rule IN (SELECT value FROM json_each(?))";

    private final Review review;
    private final Connection connection;
    private final DecisionLedger ledger;

    RuleLedger(Review review, Connection connection, DecisionLedger ledger) {
        this.review = review;
        this.connection = connection;
        this.ledger = ledger;
    }

    RuleChange.Step execute(RuleChange change, String steward, Instant at) {
        String rules = RuleChange.json(change.replacedRules());
        String oldProfile = review.info().profileJson();
        long[] id = new long[1];
        review.inTransaction(() -> {
            // The rule runs first, into a table of this connection's own: its rows are read through another
            // connection, which must not wait for this transaction's writes to the review.
            createScratch();
            stageFindings(change);
            ledger.dropRedo();
            update("INSERT INTO command (kind, description, steward, at) VALUES ('rule', ?, ?, ?)",
                    change.description(), steward, at.toString());
            id[0] = single("SELECT last_insert_rowid()");
            String oldBasis = review.meta(ReviewQuality.BASIS).orElse(null);
            update("INSERT INTO command_rule (command_id, rule_id, rules, old_profile, new_profile, old_basis,"
                    + " new_basis) VALUES (?, ?, ?, ?, ?, ?, ?)", id[0], change.ruleId(), rules, oldProfile,
                    change.profileJson(), oldBasis, ReviewQuality.toJson(change.basis()));
            update("INSERT INTO command_finding (" + FindingStore.COLUMNS + ", command_id) SELECT "
                    + FindingStore.COLUMNS + ", ? FROM finding WHERE " + RULES_IN + " ORDER BY id", id[0], rules);
            update("DELETE FROM finding WHERE " + RULES_IN, rules);
            update("INSERT INTO finding (" + FindingStore.COLUMNS + ") SELECT " + FindingStore.COLUMNS
                    + " FROM temp.rule_swap ORDER BY rowid");
            update("DELETE FROM temp.rule_swap");
            useProfile(change.profileJson(), ReviewQuality.toJson(change.basis()));
            recordChangedRows(id[0], rules);
            audit("edit", "Rule step #" + id[0] + ": " + change.description(), steward, at);
        });
        review.profileWritten(change.profileJson());
        return step(id[0], change.ruleId());
    }

    void undo(StoredCommand command, String steward, Instant at) {
        swap(command, true, steward, at);
    }

    void redo(StoredCommand command, String steward, Instant at) {
        swap(command, false, steward, at);
    }

    /** The latest step's outcome for its rule, counted in the review as it is now. */
    RuleChange.Step step(long command, String ruleId) {
        return review.guarded(() -> new RuleChange.Step(command,
                single("SELECT count(*) FROM finding WHERE rule = ?", ruleId),
                single("SELECT count(DISTINCT row_no) FROM finding WHERE rule = ?", ruleId),
                single("SELECT count(*) FROM rule_change WHERE now_error = 1"),
                single("SELECT count(*) FROM rule_change WHERE now_error = 0")));
    }

    private void swap(StoredCommand command, boolean undo, String steward, Instant at) {
        long id = command.id();
        String[] profile = new String[1];
        review.inTransaction(() -> {
            String rules;
            String basis;
            try (PreparedStatement q = connection.prepareStatement("SELECT rules, old_profile, new_profile,"
                    + " old_basis, new_basis FROM command_rule WHERE command_id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("The review " + review.file() + " has no rule step " + id
                                + " in its history.");
                    }
                    rules = rs.getString(1);
                    profile[0] = rs.getString(undo ? 2 : 3);
                    basis = rs.getString(undo ? 4 : 5);
                }
            }
            createScratch();
            update("INSERT INTO temp.rule_swap SELECT " + FindingStore.COLUMNS + " FROM finding WHERE " + RULES_IN
                    + " ORDER BY id", rules);
            update("DELETE FROM finding WHERE " + RULES_IN, rules);
            update("INSERT INTO finding (" + FindingStore.COLUMNS + ") SELECT " + FindingStore.COLUMNS
                    + " FROM command_finding WHERE command_id = ? ORDER BY id", id);
            update("DELETE FROM command_finding WHERE command_id = ?", id);
            update("INSERT INTO command_finding (" + FindingStore.COLUMNS + ", command_id) SELECT "
                    + FindingStore.COLUMNS + ", ? FROM temp.rule_swap", id);
            update("DELETE FROM temp.rule_swap");
            useProfile(profile[0], basis);
            recordChangedRows(id, rules);
            audit(undo ? "undo" : "redo", (undo ? "Undo rule step #" : "Redo rule step #") + id + ": "
                    + command.description(), steward, at);
            update("UPDATE command SET undone = ? WHERE id = ?", undo ? 1 : 0, id);
        });
        review.profileWritten(profile[0]);
    }

    /** An empty {@code temp.rule_swap}, where findings wait while the two sides change places. */
    private void createScratch() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS rule_swap (row_no INTEGER, col TEXT, cell TEXT,"
                    + " target TEXT, rule TEXT, severity TEXT, message TEXT, value TEXT)");
            s.execute("DELETE FROM temp.rule_swap");
        }
    }

    private void stageFindings(RuleChange change) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temp.rule_swap ("
                + FindingStore.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int[] pending = new int[1];
            SQLException[] failure = new SQLException[1];
            change.run().findings(finding -> {
                if (failure[0] != null || !change.replacedRules().contains(finding.rule())) {
                    return;
                }
                try {
                    FindingStore.bind(insert, finding);
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            insert.executeBatch();
        }
    }

    private void useProfile(String profileJson, String basisJson) throws SQLException {
        update("UPDATE review_info SET profile_json = ?", profileJson);
        if (basisJson == null) {
            update("DELETE FROM review_meta WHERE key = ?", ReviewQuality.BASIS);
        } else {
            update("INSERT INTO review_meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value", ReviewQuality.BASIS, basisJson);
        }
    }

    /**
     * The rows whose status changed: no error from any other rule, and an error among the replaced rules' findings
     * on one side but not on the other ({@code finding} now, {@code command_finding} before).
     */
    private void recordChangedRows(long command, String rules) throws SQLException {
        update("DELETE FROM rule_change");
        update("INSERT INTO rule_change (row_no, now_error) SELECT row_no, now_error FROM (SELECT c.row_no,"
                + " EXISTS (SELECT 1 FROM finding f WHERE f.row_no = c.row_no AND f.severity = 'error'"
                + " AND f.rule IN (SELECT value FROM json_each(?1))) AS now_error,"
                + " EXISTS (SELECT 1 FROM command_finding x WHERE x.command_id = ?2 AND x.row_no = c.row_no"
                + " AND x.severity = 'error') AS was_error,"
                + " EXISTS (SELECT 1 FROM finding o WHERE o.row_no = c.row_no AND o.severity = 'error'"
                + " AND o.rule NOT IN (SELECT value FROM json_each(?1))) AS other_error"
                + " FROM (SELECT row_no FROM finding WHERE rule IN (SELECT value FROM json_each(?1))"
                + " UNION SELECT row_no FROM command_finding WHERE command_id = ?2) c)"
                + " WHERE other_error = 0 AND now_error <> was_error", rules, command);
    }

    private void audit(String action, String what, String steward, Instant at) throws SQLException {
        long nowInError = single("SELECT count(*) FROM rule_change WHERE now_error = 1");
        long noLonger = single("SELECT count(*) FROM rule_change WHERE now_error = 0");
        update("INSERT INTO audit (at, steward, action, row_no, col, old_value, new_value, reason)"
                + " VALUES (?, ?, ?, NULL, NULL, NULL, NULL, ?)", at.toString(), steward, action, what + ": "
                + rows(nowInError) + " now in error, " + rows(noLonger) + " no longer in error");
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private long single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            bind(q, parameters);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
