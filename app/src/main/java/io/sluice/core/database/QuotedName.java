package io.sluice.core.database;

import java.util.ArrayList;
import java.util.List;

/**
 * A table name as a person types it: {@code name}, {@code schema.name}, or in SQL's quoted form
 * ({@code "Lab Data"."Sample Run"}, a doubled quote standing for one), split into schema and name.
 */
final class QuotedName {

    private QuotedName() {
    }

    /**
     * How a person types table {@code name} in {@code schema} (null for the default schema): plain,
     * {@code schema.name}, or quoted where the plain text would split differently ({@code "a.b"}).
     */
    static String of(String schema, String name) {
        String plain = schema == null ? name : schema + "." + name;
        List<String> meant = schema == null ? List.of(name) : List.of(schema, name);
        if (parts(plain).equals(meant)) {
            return plain;
        }
        return schema == null ? quoted(name) : quoted(schema) + "." + quoted(name);
    }

    private static String quoted(String part) {
        return '"' + part.replace("\"", "\"\"") + '"';
    }

    /** [name] or [schema, name]; unquoted text splits at its first dot, as before quotes were understood. */
    static List<String> parts(String typed) {
        if (typed.indexOf('"') < 0) {
            int dot = typed.indexOf('.');
            return dot > 0 ? List.of(typed.substring(0, dot), typed.substring(dot + 1)) : List.of(typed);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < typed.length() && typed.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted && parts.isEmpty()) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
