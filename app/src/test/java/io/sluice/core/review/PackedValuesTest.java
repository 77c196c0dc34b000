package io.sluice.core.review;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arrays SQLite's json_array packs read back to exactly the texts stored, escaped or not; damage is refused. */
class PackedValuesTest {

    private static final String[] TEXTS = {
        "340.3", "", " DS1-000001 ", "Plant 2 – Harbour", "L. Björk", "say \"when\"", "C:\\temp\\x", "line\nbreak",
        "tab\there", "\u0001", "emoji 😀 end", "ends with a backslash \\", "replacement \uFFFD char", "null", "[1,2]",
        "\u007F", "日本語", "\"", ",", "]"
    };

    @Test
    void everyTextStoredInSqliteReadsBackExactlyWithItsNulls() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             PackedValues packed = new PackedValues()) {
            c.createStatement().execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT)");
            List<String[]> rows = new ArrayList<>();
            for (String text : TEXTS) {
                rows.add(new String[] {text, null, "x" + text});
                rows.add(new String[] {null, text, null});
            }
            rows.add(new String[] {null, null, null});
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                for (String[] row : rows) {
                    for (int i = 0; i < 3; i++) {
                        insert.setString(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
            List<String[]> read = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT json_array(a, b, c) FROM t ORDER BY rowid")) {
                while (r.next()) {
                    int count = packed.read(r.getBytes(1));
                    String[] values = new String[count];
                    for (int i = 0; i < count; i++) {
                        values[i] = packed.value(i);
                    }
                    read.add(values);
                }
            }
            assertThat(read).hasSameSizeAs(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(read.get(i)).as("row %d", i).containsExactly(rows.get(i));
            }
        }
    }

    @Test
    void anArrayOfOtherJsonValuesIsReadByTheParser() {
        try (PackedValues packed = new PackedValues()) {
            assertThat(packed.read(bytes("[]"))).isZero();
            assertThat(packed.read(bytes("[ \"a\" , null ]"))).isEqualTo(2);
            assertThat(packed.value(0)).isEqualTo("a");
            assertThat(packed.value(1)).isNull();
            assertThat(packed.read(bytes("[12,\"b\"]"))).isEqualTo(2);
            assertThat(Arrays.asList(packed.value(0), packed.value(1))).containsExactly("12", "b");
        }
    }

    @Test
    void aDamagedArrayIsRefusedNotReadAsSomethingElse() {
        try (PackedValues packed = new PackedValues()) {
            assertThatThrownBy(() -> packed.read(new byte[] {'[', '"', (byte) 0xC3, '"', ']'}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (PackedValues packed = new PackedValues()) {
            assertThatThrownBy(() -> packed.read(bytes("[\"a\",[\"b\"]]"))).isInstanceOf(IllegalArgumentException.class);
        }
        try (PackedValues packed = new PackedValues()) {
            assertThatThrownBy(() -> packed.read(bytes("{\"a\":1}"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
