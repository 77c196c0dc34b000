package io.sluice.core.usecase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test that validates and imports small files into a table of its own ({@link OwnTable}), closed after each test. */
abstract class OwnTableFixture {

    @TempDir
    Path dir;

    /** The target a test made, or null. */
    OwnTable target;

    @AfterEach
    void closeTarget() {
        if (target != null) {
            target.close();
        }
    }
}
