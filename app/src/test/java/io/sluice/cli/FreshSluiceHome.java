package io.sluice.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a command test class its own embedded default database (a fresh Sluice data directory) and puts the
 * setting back afterwards, so no test sees another's batches.
 */
final class FreshSluiceHome implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        CommandRun.freshHome();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CommandRun.restoreHome();
    }
}
