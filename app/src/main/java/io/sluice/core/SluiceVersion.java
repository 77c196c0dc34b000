package io.sluice.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Sluice, as the CLI's {@code --version} and the desktop's About box show it. */
public final class SluiceVersion {

    private static final String RESOURCE = "/io/sluice/version.properties";

    private SluiceVersion() {
    }

    /** The version Maven wrote at build time, or {@code dev} when the classes run without that resource. */
    public static String current() {
        try (InputStream in = SluiceVersion.class.getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
