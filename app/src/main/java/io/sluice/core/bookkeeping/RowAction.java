package io.sluice.core.bookkeeping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** What an import did to one target row. */
public enum RowAction {
    INSERTED("inserted"),
    UPDATED("updated"),
    SKIPPED("skipped");

    private final String code;

    RowAction(String code) {
        this.code = code;
    }

    /** The lower-case word stored in the bookkeeping tables. */
    public String code() {
        return code;
    }

    /** The constant stored as that word. */
    public static RowAction ofCode(String code) {
        for (RowAction value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown RowAction '" + code + "'");
    }

    /** Stores the lower-case word rather than the constant's name, matching the tables' CHECK constraints. */
    @Converter
    static final class DbConverter implements AttributeConverter<RowAction, String> {
        @Override
        public String convertToDatabaseColumn(RowAction value) {
            return value == null ? null : value.code;
        }

        @Override
        public RowAction convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
