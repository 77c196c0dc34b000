package io.sluice.core.mapping;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.sql.JDBCType;
import java.util.List;

/** Maps one cell onto one column through the public Mapper, as the validator will. */
final class MapOne {

    private MapOne() {
    }

    static ColumnInfo column(JDBCType type) {
        return new ColumnInfo("v", type, type.getName(), true, type == JDBCType.VARCHAR ? 100 : null, null, null,
                null, false);
    }

    static MappedValue map(JDBCType type, Cell cell, TransformSpec... transforms) {
        return map(type, List.of(), cell, transforms);
    }

    static MappedValue map(JDBCType type, List<String> nullMarkers, Cell cell, TransformSpec... transforms) {
        ColumnInfo column = column(type);
        Profile profile = new Profile(null, 0, "test", null, "t",
                List.of(new ColumnMapping("v", "Value", null, null, null, List.of(transforms), null, null)),
                nullMarkers, null, null, null, null);
        TableInfo table = new TableInfo(null, "t", List.of(column), List.of(), List.of(), List.of(), List.of());
        return Mapper.compile(profile, List.of("Value"), table).map(new SourceRow(17, List.of(cell))).get("v");
    }

    static TransformSpec op(String op) {
        return TransformSpec.of(op);
    }

    static TransformSpec replace(String from, String to, boolean regex) {
        return new TransformSpec("replace", from, to, regex, null, null, null, null, null, null, null, null);
    }

    static TransformSpec nullIf(String... values) {
        return new TransformSpec("null-if", null, null, null, List.of(values), null, null, null, null, null, null,
                null);
    }

    static TransformSpec numberLocale(String locale) {
        return new TransformSpec("number", null, null, null, null, locale, null, null, null, null, null, null);
    }

    static TransformSpec number(String decimal, String grouping) {
        return new TransformSpec("number", null, null, null, null, null, decimal, grouping, null, null, null, null);
    }

    static TransformSpec date(String... patterns) {
        return new TransformSpec("date", null, null, null, null, null, null, null, List.of(patterns), null, null,
                null);
    }

    static TransformSpec defaultValue(String value) {
        return new TransformSpec("default", null, null, null, null, null, null, null, null, value, null, null);
    }

    static TransformSpec split(String separator, int index) {
        return new TransformSpec("split", null, null, null, null, null, null, null, null, null, separator, index);
    }
}
