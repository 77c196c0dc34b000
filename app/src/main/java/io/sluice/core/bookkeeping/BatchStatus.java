package io.sluice.core.bookkeeping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where an import batch stands: running until the commit ends, then committed or failed; rolled back later. */
public enum BatchStatus {
    RUNNING("running"),
    COMMITTED("committed"),
    FAILED("failed"),
    ROLLED_BACK("rolled_back");

    private final String code;

    BatchStatus(String code) {
        this.code = code;
    }

    /** The lower-case word stored in the bookkeeping tables. */
    public String code() {
        return code;
    }

    /** Why a batch in this state cannot be rolled back, in one sentence (a committed one can). */
    public String refusesRollback(long batchId) {
        String state = switch (this) {
            case RUNNING -> "is still running";
            case COMMITTED -> "is committed";
            case FAILED -> "failed and wrote nothing";
            case ROLLED_BACK -> "is already rolled back";
        };
        return "Import batch " + batchId + " " + state + "; only a committed batch can be rolled back.";
    }

    /** The constant stored as that word. */
    public static BatchStatus ofCode(String code) {
        for (BatchStatus value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown BatchStatus '" + code + "'");
    }

    /** Stores the lower-case word rather than the constant's name, matching the tables' CHECK constraints. */
    @Converter
    static final class DbConverter implements AttributeConverter<BatchStatus, String> {
        @Override
        public String convertToDatabaseColumn(BatchStatus value) {
            return value == null ? null : value.code;
        }

        @Override
        public BatchStatus convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
