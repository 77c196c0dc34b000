package io.sluice.core.database;

import java.util.List;

/** A foreign key of a target table: {@code columns} reference {@code refColumns} of {@code refTable}. */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns) {
}
