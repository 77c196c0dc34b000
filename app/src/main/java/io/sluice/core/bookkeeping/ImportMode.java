package io.sluice.core.bookkeeping;

import io.sluice.core.SluiceException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** How an import treats rows whose key already exists in the target table. */
public enum ImportMode {
    INSERT("insert"),
    UPSERT("upsert"),
    SKIP_EXISTING("skip-existing");

    private final String code;

    ImportMode(String code) {
        this.code = code;
    }

    /** The lower-case word stored in the bookkeeping tables. */
    public String code() {
        return code;
    }

    /** The constant stored as that word. */
    public static ImportMode ofCode(String code) {
        for (ImportMode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown ImportMode '" + code + "'");
    }

    /**
     * The mode a person typed (any case, {@code skip_existing} too), or one sentence naming the known modes;
     * {@code where} says where it was typed, e.g. "--mode".
     */
    public static ImportMode parse(String text, String where) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ImportMode value : values()) {
            if (value.code.equals(wanted)) {
                return value;
            }
        }
        throw SluiceException.input("Unknown import mode '" + text + "' in " + where
                + "; use insert, upsert or skip-existing.");
    }

    /** Stores the lower-case word rather than the constant's name, matching the tables' CHECK constraints. */
    @Converter
    static final class DbConverter implements AttributeConverter<ImportMode, String> {
        @Override
        public String convertToDatabaseColumn(ImportMode value) {
            return value == null ? null : value.code;
        }

        @Override
        public ImportMode convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
