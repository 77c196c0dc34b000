package io.sluice.core.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.database.ColumnInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A natural key as a person types it, in the canonical text provenance records, so that a key is found when the
 * database would call it the same: a uuid in any case (stored in lower case), a number in any scale (7.0 is 7).
 * Text keys stay exact, as the database compares them; a composite key is typed as a JSON array.
 */
public final class ProvenanceKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ProvenanceKeys() {
    }

    /** The key text provenance would hold for that typed key of those key columns; the text itself when unsure. */
    public static String canonical(String typed, List<ColumnInfo> keyColumns) {
        if (keyColumns.size() == 1) {
            return Values.keyText(List.of(part(typed, keyColumns.get(0))));
        }
        JsonNode array;
        try {
            array = JSON.readTree(typed);
        } catch (JsonProcessingException e) {
            return typed;
        }
        if (array == null || !array.isArray() || array.size() != keyColumns.size()) {
            return typed;
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            JsonNode node = array.get(i);
            parts.add(node.isNull() ? null : part(node.asText(), keyColumns.get(i)));
        }
        return Values.keyText(parts);
    }

    private static Object part(String text, ColumnInfo column) {
        if ("uuid".equalsIgnoreCase(column.typeName()) && UUID_TEXT.matcher(text.strip()).matches()) {
            return UUID.fromString(text.strip()).toString().toLowerCase(Locale.ROOT);
        }
        if (column.type() != null) {
            switch (column.type()) {
                case NUMERIC, DECIMAL, REAL, FLOAT, DOUBLE, TINYINT, SMALLINT, INTEGER, BIGINT -> {
                    try {
                        return new BigDecimal(text.strip());
                    } catch (NumberFormatException e) {
                        return text;
                    }
                }
                default -> {
                    return text;
                }
            }
        }
        return text;
    }
}
