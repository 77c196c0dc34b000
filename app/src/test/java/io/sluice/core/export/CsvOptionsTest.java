package io.sluice.core.export;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToRfc4180WithFormulaGuardOn() {
        CsvOptions d = CsvOptions.DEFAULTS;

        assertThat(d.delimiter()).isEqualTo(',');
        assertThat(d.bom()).isFalse();
        assertThat(d.quoting()).isEqualTo(CsvOptions.Quoting.MINIMAL);
        assertThat(d.lineEnding()).isEqualTo("\r\n");
        assertThat(d.guard()).isSameAs(FormulaGuard.ON);
    }

    @Test
    void refusesALineEndingOtherThanCrlfOrLf() {
        assertThatThrownBy(() -> CsvOptions.DEFAULTS.withLineEnding("\r"))
                .isInstanceOf(SluiceException.class).hasMessage("The CSV line ending must be CRLF or LF.");
    }

    @Test
    void refusesAQuoteAsDelimiter() {
        assertThatThrownBy(() -> CsvOptions.DEFAULTS.withDelimiter('"'))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The CSV delimiter cannot be a double quote or a line break.");
    }

    @Test
    void namesTheFileItCannotWrite() {
        Path file = dir.resolve("missing-folder").resolve("approved.csv");
        List<ColumnInfo> columns = ExportFixture.COLUMNS;

        assertThatThrownBy(() -> new ApprovedRowsCsvWriter(file, columns, CsvOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Cannot write " + file + ": its folder does not exist.");
    }
}
