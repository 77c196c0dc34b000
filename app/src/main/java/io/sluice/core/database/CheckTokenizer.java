package io.sluice.core.database;

import java.util.ArrayList;
import java.util.List;

/** Splits a CHECK expression, as H2 or PostgreSQL renders it, into tokens for {@link CheckParser}. */
final class CheckTokenizer {

    enum Kind { WORD, QUOTED, NUMBER, STRING, SYMBOL, END }

    record Token(Kind kind, String text) {

        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrKeyword);
        }
    }

    private CheckTokenizer() {
    }

    /** The tokens, ending with an END token; throws IllegalArgumentException on text it cannot split. */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                String content = sql.substring(i + 1, end).replace(String.valueOf(c) + c, String.valueOf(c));
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, content));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                int end = i;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                if (end < sql.length() && (sql.charAt(end) == 'e' || sql.charAt(end) == 'E')) {
                    end++;
                    if (end < sql.length() && (sql.charAt(end) == '+' || sql.charAt(end) == '-')) {
                        end++;
                    }
                    while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                        end++;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end)));
                i = end;
            } else {
                String two = i + 1 < sql.length() ? sql.substring(i, i + 2) : "";
                if (two.equals("::") || two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")) {
                    tokens.add(new Token(Kind.SYMBOL, two));
                    i += 2;
                } else {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                }
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated " + quote);
    }
}
