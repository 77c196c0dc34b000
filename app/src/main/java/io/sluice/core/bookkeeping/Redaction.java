package io.sluice.core.bookkeeping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of bookkeeping messages; mirrors the target package's redaction, which is not public, so the
 * two packages stay independent.
 */
final class Redaction {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([;&?])[a-z_]*password=[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");
    private static final Pattern H2_ERROR_CODE = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");

    private Redaction() {
    }

    /** The URL without any password it carries. */
    static String url(String jdbcUrl) {
        String result = USER_INFO.matcher(jdbcUrl).replaceAll("//$1@");
        Matcher m = PASSWORD_PARAM.matcher(result);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).equals("?") ? "?" : "");
        }
        m.appendTail(out);
        return out.toString().replace("?&", "?").replaceAll("\\?$", "");
    }

    /** The first line of the deepest message in the chain, without the password, the URL or H2's error code. */
    static String reason(Throwable error, String jdbcUrl, String password) {
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        String message = deepest.getMessage();
        if (message == null || message.isBlank()) {
            message = deepest.getClass().getSimpleName();
        }
        message = message.strip().lines().findFirst().orElse(message);
        message = H2_ERROR_CODE.matcher(message).replaceAll("");
        if (jdbcUrl != null) {
            message = message.replace(jdbcUrl, url(jdbcUrl));
        }
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Whether a throwable chain mentions the password anywhere, in which case it must not travel as a cause. */
    static boolean mentions(Throwable error, String password) {
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
