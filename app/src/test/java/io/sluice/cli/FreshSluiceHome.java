package io.sluice.cli;

import io.sluice.core.database.SluiceHome;
import io.sluice.testing.TemporaryProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Gives a command test class its own embedded default database (a fresh Sluice data directory) and puts the
 * setting back as it was afterwards, so no test sees another's batches.
 */
final class FreshSluiceHome implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshSluiceHome.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String home = Files.createTempDirectory("sluice-command-test").toString();
        context.getStore(NAMESPACE).put(SluiceHome.PROPERTY, TemporaryProperty.set(SluiceHome.PROPERTY, home));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getStore(NAMESPACE).remove(SluiceHome.PROPERTY, TemporaryProperty.class).close();
    }
}
