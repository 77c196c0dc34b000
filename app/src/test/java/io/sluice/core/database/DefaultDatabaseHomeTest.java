package io.sluice.core.database;

import io.sluice.core.SluiceException;
import io.sluice.testing.TemporaryProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database's folder: a data directory that cannot be made is said in words, with what to do. */
class DefaultDatabaseHomeTest {

    @TempDir
    Path dir;

    @Test
    void aFileWhereTheDataDirectoryShouldBeIsNamedInWords() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        try (TemporaryProperty home = TemporaryProperty.set(SluiceHome.PROPERTY, file.toString())) {
            assertThatThrownBy(TargetDatabase::openDefault)
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("Cannot create Sluice's data directory " + file + ": a file of that name is in the"
                            + " way; set SLUICE_HOME to a folder you can write.");
        }
    }
}
