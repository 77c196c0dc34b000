package io.sluice.core.review;

import io.sluice.core.SluiceException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's error codes into one sentence a steward can act on, naming the review file. */
final class ReviewFailures {

    private ReviewFailures() {
    }

    static SluiceException of(Path file, SQLException e) {
        return SluiceException.input("Could not use the review " + file + ": " + reason(e) + ".", e);
    }

    static String reason(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return plain(e.getMessage());
        }
        // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_TIMEOUT, ...) carry their primary code in the low byte.
        SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(sqlite.getResultCode().code & 0xFF);
        return switch (primary) {
            case SQLITE_CORRUPT, SQLITE_NOTADB -> "the file is damaged or is not a Sluice review";
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_BUSY, SQLITE_LOCKED -> "another program is using it; close it there and try again";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH -> "the file cannot be written (check its permissions)";
            case SQLITE_CANTOPEN -> "the file cannot be opened (check that its folder exists and is writable)";
            case SQLITE_IOERR -> "the disk reported an input/output error";
            default -> plain(e.getMessage());
        };
    }

    private static String plain(String message) {
        if (message == null) {
            return "an unknown database error";
        }
        // sqlite-jdbc writes "[SQLITE_ERROR] SQL error or missing database (no such table: x)".
        String text = message.replaceFirst("^\\[[A-Z_]+]\\s*", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
