package io.sluice.core.bookkeeping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A steward's decision on a review row, as recorded in the audit trail. */
public enum DecisionAction {
    APPROVE("approve"),
    REJECT("reject"),
    CLEAR("clear"),
    EDIT("edit"),
    UNDO("undo"),
    REDO("redo");

    private static final DecisionAction[] VALUES = values();
    private final String code;

    DecisionAction(String code) {
        this.code = code;
    }

    /** The lower-case word stored in the bookkeeping tables. */
    public String code() {
        return code;
    }

    /** The constant stored as that word. */
    public static DecisionAction ofCode(String code) {
        for (DecisionAction value : VALUES) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown DecisionAction '" + code + "'");
    }

    /** Stores the lower-case word rather than the constant's name, matching the tables' CHECK constraints. */
    @Converter
    static final class DbConverter implements AttributeConverter<DecisionAction, String> {
        @Override
        public String convertToDatabaseColumn(DecisionAction value) {
            return value == null ? null : value.code;
        }

        @Override
        public DecisionAction convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
