package io.sluice.core.database;

import io.sluice.core.database.CheckTokenizer.Kind;
import io.sluice.core.database.CheckTokenizer.Token;

import java.util.List;
import java.util.function.Supplier;

/**
 * A position in the tokens of a CHECK expression ({@link CheckTokenizer}), for the parsers that read one: the token
 * there, the next one taken, and the symbol or kind expected next, failing with the parser's own exception (the form
 * is not one it can read). The position stays open to the parser, which backtracks by setting it back.
 */
abstract class TokenCursor {

    private final List<Token> tokens;
    private final Supplier<RuntimeException> unreadable;
    /** The index of the next token. */
    protected int pos;

    TokenCursor(List<Token> tokens, Supplier<RuntimeException> unreadable) {
        this.tokens = tokens;
        this.unreadable = unreadable;
    }

    /** The next token, not taken. */
    protected final Token peek() {
        return tokens.get(pos);
    }

    /** Takes the next token; the end stays where it is. */
    protected final Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    /** Takes the next token, which must be this symbol or keyword. */
    protected final void expect(String symbolOrKeyword) {
        if (!next().is(symbolOrKeyword)) {
            throw unreadable.get();
        }
    }

    /** Takes the next token, which must be of this kind. */
    protected final void expect(Kind kind) {
        if (next().kind() != kind) {
            throw unreadable.get();
        }
    }
}
