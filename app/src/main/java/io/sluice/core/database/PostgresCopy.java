package io.sluice.core.database;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;

/**
 * The two pieces every PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv, NULL '')} of Sluice shares: quoting a text
 * field (NULL is an unquoted empty field, text is always quoted, so an empty string stays text) and sending a buffer
 * of CSV lines in one COPY.
 */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Appends a CSV text field: nothing for null, else the text in double quotes with quotes doubled. */
    public static void quote(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * One COPY of that CSV; returns the rows the server says it copied. A failure cancels it, keeping the first error
     * (the connection may be gone).
     */
    public static long send(CopyManager copy, String sql, ByteArrayOutputStream csv) throws SQLException {
        return send(copy, sql, csv.toByteArray(), csv.size());
    }

    /** One COPY of the first {@code length} bytes of {@code csv}; a failure cancels it, as above. */
    public static long send(CopyManager copy, String sql, byte[] csv, int length) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(csv, 0, length);
        } catch (SQLException | RuntimeException e) {
            cancel(in, e);
            throw e;
        }
        return end(in);
    }

    /** Ends that COPY and returns the rows the server says it copied; a failure cancels it, as above. */
    public static long end(CopyIn in) throws SQLException {
        try {
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancel(in, e);
            throw e;
        }
    }

    private static void cancel(CopyIn in, Exception failure) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException | RuntimeException cancel) {
            failure.addSuppressed(cancel);
        }
    }
}
