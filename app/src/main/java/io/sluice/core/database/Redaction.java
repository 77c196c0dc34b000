package io.sluice.core.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages: URLs lose their password parameters, driver messages lose the password text. Use it
 * for every message that may quote a JDBC URL or a driver's error.
 */
public final class Redaction {

    // ;PASSWORD=x (H2), &password=x or ?password=x (PostgreSQL), also FILE_PASSWORD / sslpassword variants
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([;&?])[a-z_]*password=[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");
    private static final int MIN_ANYWHERE_LENGTH = 6;
    private static final Pattern H2_ERROR_CODE = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");
    /** H2 ends a statement's error with "; SQL statement:" and the SQL on the next lines, which a steward can't use. */
    private static final Pattern H2_STATEMENT_TAIL = Pattern.compile(";\\s*SQL statement:\\s*$");

    private Redaction() {
    }

    /** The URL without any password it carries. */
    public static String url(String jdbcUrl) {
        String result = USER_INFO.matcher(jdbcUrl).replaceAll("//$1@");
        Matcher m = PASSWORD_PARAM.matcher(result);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // a leading '?' must survive for the parameters after it
            m.appendReplacement(out, m.group(1).equals("?") ? "?" : "");
        }
        m.appendTail(out);
        return out.toString().replace("?&", "?").replaceAll("\\?$", "");
    }

    /** The first line of a driver's message, with the password and any password-bearing URL removed. */
    public static String reason(Throwable error, String jdbcUrl, String password) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        message = message.strip().lines().findFirst().orElse(message);
        message = H2_ERROR_CODE.matcher(message).replaceAll("");
        message = H2_STATEMENT_TAIL.matcher(message).replaceAll("");
        if (jdbcUrl != null) {
            message = message.replace(jdbcUrl, url(jdbcUrl));
        }
        if (password != null && !password.isEmpty()) {
            message = password.length() >= MIN_ANYWHERE_LENGTH
                    ? message.replace(password, "***")
                    // a short password would match inside ordinary words, so only remove it as a token of its own
                    : message.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(password) + "(?![\\p{L}\\p{N}])", "***");
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * Like {@link #reason}, from the deepest message of the cause chain: frameworks (Flyway, Hibernate) wrap the
     * driver's own explanation in generic ones.
     */
    public static String deepestReason(Throwable error, String jdbcUrl, String password) {
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        return reason(deepest, jdbcUrl, password);
    }

    /** Whether a throwable chain mentions the password anywhere, in which case it must not travel as a cause. */
    public static boolean mentions(Throwable error, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(password)) {
                return true;
            }
        }
        return false;
    }
}
