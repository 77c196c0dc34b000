package io.sluice.core.review;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a review file and how a file written by an older Sluice is brought up to date.
 * <p>
 * {@code PRAGMA application_id} marks a file as a Sluice review; {@code PRAGMA user_version} is its schema version.
 * Version 1 is built by {@link #createVersion1}; each later version adds one {@link Upgrade} to {@link #UPGRADES}
 * (index 0 upgrades version 1 to 2, and so on), and both new and old files walk the same list.
 */
final class ReviewSchema {

    /** "SLRV" in ASCII: lets {@code open} tell a review from any other SQLite file. */
    static final int APPLICATION_ID = 0x534C5256;

    /** Source columns beyond this many go to {@code source_cell_extra}; SQLite allows 2,000 columns per table. */
    static final int WIDE_COLUMNS = 500;

    /** One step from version n to n + 1, run inside the transaction that also bumps the version. */
    @FunctionalInterface
    interface Upgrade {
        void apply(Connection connection) throws SQLException;
    }

    /**
     * Later versions append their step here; version 2 adds the steward's decisions, edits, audit log and history,
     * version 3 the filled cells per row that the completeness score is counted from, version 4 the value fixes,
     * version 5 the rules applied to an open review, version 6 the filled cells staged in the row with their total.
     */
    static final List<Upgrade> UPGRADES = List.of(ReviewSchema::addDecisions, ReviewSchema::addRowQuality,
            ReviewSchema::addValueFixes, ReviewSchema::addRuleSteps, ReviewSchema::addFilledInRow);

    static final int CURRENT_VERSION = 1 + UPGRADES.size();

    private ReviewSchema() {
    }

    /** Creates the version-1 tables for a sheet of {@code columnCount} columns, in the caller's transaction. */
    static void createVersion1(Connection connection, int columnCount) throws SQLException {
        int wide = Math.min(columnCount, WIDE_COLUMNS);
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE review_info (
                        id            INTEGER PRIMARY KEY CHECK (id = 1),
                        source_path   TEXT NOT NULL,
                        source_sha256 TEXT,
                        source_format TEXT NOT NULL,
                        sheet         TEXT,
                        header_row    INTEGER NOT NULL,
                        profile_json  TEXT,
                        target_url    TEXT,
                        created_at    TEXT NOT NULL,
                        created_by    TEXT,
                        row_count     INTEGER NOT NULL DEFAULT 0,
                        wide_columns  INTEGER NOT NULL)""");
            s.execute("CREATE TABLE review_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
            s.execute("CREATE TABLE source_column (idx INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            s.execute(sourceRowTable(wide, false));
            s.execute("""
                    CREATE TABLE source_cell_extra (
                        row_no INTEGER NOT NULL,
                        idx    INTEGER NOT NULL,
                        text   TEXT NOT NULL,
                        v      TEXT,
                        PRIMARY KEY (row_no, idx)) WITHOUT ROWID""");
            // owner_row is the row an issue travels with; NULL marks a sheet-level issue.
            s.execute("""
                    CREATE TABLE source_issue (
                        id        INTEGER PRIMARY KEY,
                        owner_row INTEGER,
                        kind      TEXT NOT NULL,
                        row       INTEGER NOT NULL,
                        col       TEXT,
                        message   TEXT NOT NULL)""");
            s.execute("CREATE INDEX source_issue_owner ON source_issue (owner_row)");
            s.execute("""
                    CREATE TABLE finding (
                        id       INTEGER PRIMARY KEY,
                        row_no   INTEGER NOT NULL,
                        col      TEXT,
                        cell     TEXT,
                        target   TEXT,
                        rule     TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        message  TEXT NOT NULL,
                        value    TEXT)""");
            s.execute("CREATE INDEX finding_row ON finding (row_no)");
            s.execute("CREATE INDEX finding_rule ON finding (rule)");
            s.execute("CREATE INDEX finding_col ON finding (col)");
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
        }
    }

    /**
     * Version 2: decisions per row, cell edits (the raw cell stays as read), an append-only audit log, and the undo
     * history ({@code command} with {@code undone} marking the redo side; {@code command_row} keeps each row's
     * decision from before a decision command, so undoing a bulk command is a set operation in SQL).
     */
    static void addDecisions(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE decision (
                        row_no  INTEGER PRIMARY KEY,
                        status  TEXT NOT NULL CHECK (status IN ('approved', 'rejected')),
                        reason  TEXT,
                        steward TEXT NOT NULL,
                        at      TEXT NOT NULL)""");
            s.execute("CREATE INDEX decision_status ON decision (status)");
            s.execute("""
                    CREATE TABLE cell_edit (
                        row_no  INTEGER NOT NULL,
                        col     INTEGER NOT NULL,
                        text    TEXT NOT NULL,
                        steward TEXT NOT NULL,
                        at      TEXT NOT NULL,
                        PRIMARY KEY (row_no, col)) WITHOUT ROWID""");
            s.execute("""
                    CREATE TABLE audit (
                        id        INTEGER PRIMARY KEY,
                        at        TEXT NOT NULL,
                        steward   TEXT NOT NULL,
                        action    TEXT NOT NULL
                                  CHECK (action IN ('approve', 'reject', 'clear', 'edit', 'undo', 'redo')),
                        row_no    INTEGER,
                        col       INTEGER,
                        old_value TEXT,
                        new_value TEXT,
                        reason    TEXT)""");
            s.execute("CREATE INDEX audit_row ON audit (row_no)");
            // old_text NULL: the cell had no edit before this command.
            s.execute("""
                    CREATE TABLE command (
                        id          INTEGER PRIMARY KEY,
                        kind        TEXT NOT NULL CHECK (kind IN ('decide', 'edit')),
                        description TEXT NOT NULL,
                        undone      INTEGER NOT NULL DEFAULT 0,
                        status      TEXT,
                        reason      TEXT,
                        row_no      INTEGER,
                        col         INTEGER,
                        old_text    TEXT,
                        new_text    TEXT,
                        steward     TEXT NOT NULL,
                        at          TEXT NOT NULL)""");
            s.execute("CREATE INDEX command_undone ON command (undone, id)");
            s.execute("""
                    CREATE TABLE command_row (
                        command_id  INTEGER NOT NULL,
                        row_no      INTEGER NOT NULL,
                        old_status  TEXT,
                        old_reason  TEXT,
                        old_steward TEXT,
                        old_at      TEXT,
                        PRIMARY KEY (command_id, row_no)) WITHOUT ROWID""");
        }
    }

    /**
     * Version 3: how many of a row's mapped cells hold a value, written with the row's findings at validation and
     * after each re-validation, so that the completeness score follows the steward's edits; and the findings an edit
     * set aside because one row cannot judge them again (unique within the file, the reader's notes), so that the
     * edit's undo brings them back.
     */
    static void addRowQuality(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE row_quality (row_no INTEGER PRIMARY KEY, filled INTEGER NOT NULL)");
            s.execute("""
                    CREATE TABLE command_finding (
                        id         INTEGER PRIMARY KEY,
                        command_id INTEGER NOT NULL,
                        row_no     INTEGER NOT NULL,
                        col        TEXT,
                        cell       TEXT,
                        target     TEXT,
                        rule       TEXT NOT NULL,
                        severity   TEXT NOT NULL,
                        message    TEXT NOT NULL,
                        value      TEXT)""");
            s.execute("CREATE INDEX command_finding_command ON command_finding (command_id)");
        }
    }

    /**
     * Version 4: value fixes, one undoable command over many cells of one column. {@code command} is rebuilt because
     * SQLite cannot widen a CHECK: its kind may now be {@code fix}, and {@code fix} names the fix ("replace", "trim",
     * ...). {@code command_cell} keeps each changed cell: the edit it had before (NULL: it showed the raw cell), the
     * value it showed before, and the text the fix set, so that undo, the audit and the remembered replacements are
     * set operations in SQL.
     */
    static void addValueFixes(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE command RENAME TO command_v3");
            s.execute("DROP INDEX command_undone");
            s.execute("""
                    CREATE TABLE command (
                        id          INTEGER PRIMARY KEY,
                        kind        TEXT NOT NULL CHECK (kind IN ('decide', 'edit', 'fix')),
                        description TEXT NOT NULL,
                        undone      INTEGER NOT NULL DEFAULT 0,
                        status      TEXT,
                        reason      TEXT,
                        row_no      INTEGER,
                        col         INTEGER,
                        old_text    TEXT,
                        new_text    TEXT,
                        steward     TEXT NOT NULL,
                        at          TEXT NOT NULL,
                        fix         TEXT)""");
            s.execute("INSERT INTO command (id, kind, description, undone, status, reason, row_no, col, old_text,"
                    + " new_text, steward, at) SELECT id, kind, description, undone, status, reason, row_no, col,"
                    + " old_text, new_text, steward, at FROM command_v3");
            s.execute("DROP TABLE command_v3");
            s.execute("CREATE INDEX command_undone ON command (undone, id)");
            s.execute("""
                    CREATE TABLE command_cell (
                        command_id INTEGER NOT NULL,
                        row_no     INTEGER NOT NULL,
                        old_edit   TEXT,
                        old_value  TEXT NOT NULL,
                        new_text   TEXT NOT NULL,
                        PRIMARY KEY (command_id, row_no)) WITHOUT ROWID""");
        }
    }

    /**
     * Version 5: a rule applied to (or removed from) an open review is one undoable command of kind {@code rule}
     * ({@code command} is rebuilt again to widen its CHECK). {@code command_rule} keeps the rule ids whose findings
     * the step replaced and the profile and quality basis before and after it; the findings of the side not in force
     * wait in {@code command_finding}, so undo and redo swap them. {@code rule_change} holds the rows whose status
     * (error or not) the latest rule step changed.
     */
    static void addRuleSteps(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE command RENAME TO command_v4");
            s.execute("DROP INDEX command_undone");
            s.execute("""
                    CREATE TABLE command (
                        id          INTEGER PRIMARY KEY,
                        kind        TEXT NOT NULL CHECK (kind IN ('decide', 'edit', 'fix', 'rule')),
                        description TEXT NOT NULL,
                        undone      INTEGER NOT NULL DEFAULT 0,
                        status      TEXT,
                        reason      TEXT,
                        row_no      INTEGER,
                        col         INTEGER,
                        old_text    TEXT,
                        new_text    TEXT,
                        steward     TEXT NOT NULL,
                        at          TEXT NOT NULL,
                        fix         TEXT)""");
            s.execute("INSERT INTO command SELECT * FROM command_v4");
            s.execute("DROP TABLE command_v4");
            s.execute("CREATE INDEX command_undone ON command (undone, id)");
            s.execute("""
                    CREATE TABLE command_rule (
                        command_id  INTEGER PRIMARY KEY,
                        rule_id     TEXT NOT NULL,
                        rules       TEXT NOT NULL,
                        old_profile TEXT NOT NULL,
                        new_profile TEXT NOT NULL,
                        old_basis   TEXT,
                        new_basis   TEXT NOT NULL)""");
            s.execute("CREATE INDEX command_finding_row ON command_finding (command_id, row_no)");
            s.execute("CREATE TABLE rule_change (row_no INTEGER PRIMARY KEY, now_error INTEGER NOT NULL)");
        }
    }

    /**
     * Version 6: the filled-cell count a row was staged with lives in the row ({@code source_row.filled}, NULL when
     * not known) and {@code review_info.filled_total} holds the completeness score's sum, so that staging a row writes
     * one record instead of two. {@code row_quality} now holds only the counts of rows validated again, each replacing
     * the row's staged count; its triggers keep the total equal to the sum over the rows of the replacing count, else
     * the staged one, else 0, whatever statement writes a count. A file written before keeps its counts in
     * {@code row_quality} and its rows' {@code filled} NULL, which is the same sum. In a file with no rows yet (a new
     * review) the table is built again with the count beside the row number, so that a row of texts only still keeps
     * its NULL value columns out of the record; a file with rows gets the column at the end, which costs nothing.
     */
    static void addFilledInRow(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            boolean empty;
            int wide;
            try (ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM source_row),"
                    + " (SELECT wide_columns FROM review_info)")) {
                rs.next();
                empty = rs.getBoolean(1);
                wide = rs.getInt(2);
            }
            if (empty) {
                s.execute("DROP TABLE source_row");
                s.execute(sourceRowTable(wide, true));
            } else {
                s.execute("ALTER TABLE source_row ADD COLUMN filled INTEGER");
            }
            s.execute("ALTER TABLE review_info ADD COLUMN filled_total INTEGER NOT NULL DEFAULT 0");
            s.execute("UPDATE review_info SET filled_total = (SELECT coalesce(sum(filled), 0) FROM row_quality)");
            s.execute("""
                    CREATE TRIGGER row_quality_insert AFTER INSERT ON row_quality BEGIN
                        UPDATE review_info SET filled_total = filled_total + NEW.filled
                            - coalesce((SELECT filled FROM source_row WHERE row_no = NEW.row_no), 0);
                    END""");
            // row_no is never updated: an upsert replaces the count of the same row
            s.execute("""
                    CREATE TRIGGER row_quality_update AFTER UPDATE OF filled ON row_quality BEGIN
                        UPDATE review_info SET filled_total = filled_total + NEW.filled - OLD.filled;
                    END""");
            s.execute("""
                    CREATE TRIGGER row_quality_delete AFTER DELETE ON row_quality BEGIN
                        UPDATE review_info SET filled_total = filled_total - OLD.filled
                            + coalesce((SELECT filled FROM source_row WHERE row_no = OLD.row_no), 0);
                    END""");
        }
    }

    /**
     * The row number, the texts and the stored values of {@code source_row}, in this order whichever version built
     * the table, each after {@code alias} (with its dot, or ""): what {@code SELECT *} gave before version 6.
     */
    static String rowColumns(String alias, int wide) {
        StringBuilder sql = new StringBuilder(alias).append("row_no");
        for (int i = 0; i < wide; i++) {
            sql.append(", ").append(alias).append('c').append(i);
        }
        for (int i = 0; i < wide; i++) {
            sql.append(", ").append(alias).append('v').append(i);
        }
        return sql.toString();
    }

    /** The row table: the displayed texts {@code cN}, then the stored values {@code vN} ({@link CellCodec}). */
    private static String sourceRowTable(int wide, boolean filled) {
        StringBuilder rowTable = new StringBuilder("CREATE TABLE source_row (row_no INTEGER PRIMARY KEY");
        if (filled) {
            rowTable.append(", filled INTEGER");
        }
        for (int i = 0; i < wide; i++) {
            rowTable.append(", c").append(i).append(" TEXT");
        }
        for (int i = 0; i < wide; i++) {
            rowTable.append(", v").append(i).append(" TEXT");
        }
        return rowTable.append(')').toString();
    }

    /**
     * Brings a file from {@code fromVersion} up to the last version {@code upgrades} knows, one committed transaction
     * per step so that a crash mid-way leaves a file at a well-defined version.
     */
    static void upgrade(Connection connection, int fromVersion, List<Upgrade> upgrades) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = fromVersion; version < 1 + upgrades.size(); version++) {
                upgrades.get(version - 1).apply(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA user_version = " + (version + 1));
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int applicationId(Connection connection) throws SQLException {
        return intPragma(connection, "application_id");
    }

    static int version(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    private static int intPragma(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
