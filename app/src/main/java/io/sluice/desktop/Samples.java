package io.sluice.desktop;

import io.sluice.core.SluiceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample files shipped inside Sluice (the repository's {@code sample-data/}), so a first-time user can try the
 * whole flow before their own file arrives. They are copied out to the data directory, because the readers and
 * the review want a real file.
 */
public final class Samples {

    /** A sample source file and the profile that maps it onto the sample schema. */
    public record Sample(String title, String fileName, String profileName) {
    }

    private static final String RESOURCES = "/io/sluice/samples/";

    private static final List<Sample> ALL = List.of(
            new Sample("Concrete mixes (CSV)", "ds1-concrete-mix.csv", "ds1.profile.json"),
            new Sample("Betonmischungen (CSV, Windows-1252, ;)", "ds2-betonmischungen.csv", "ds2.profile.json"),
            new Sample("Lab refresh (XLSX)", "ds3-lab-refresh.xlsx", "ds3.profile.json"),
            new Sample("Lab refresh (XLS)", "ds3-lab-refresh.xls", "ds3.profile.json"),
            new Sample("Deliveries to clean, March (CSV)", "ds4-deliveries-march.csv", "ds4.profile.json"),
            new Sample("Deliveries to clean, April (CSV)", "ds4-deliveries-april.csv", "ds4.profile.json"),
            new Sample("Lab workbook onto several tables (XLSX)", "ds4-lab-workbook.xlsx", "ds4-lab.profile.json"));

    private Samples() {
    }

    public static List<Sample> all() {
        return ALL;
    }

    /** Copies a sample and its profile into {@code directory/samples}; returns the source file's path. */
    public static Path extract(Sample sample, Path directory) {
        Path folder = directory.resolve("samples");
        try {
            Files.createDirectories(folder.resolve("profiles"));
            copy(sample.fileName(), folder.resolve(sample.fileName()));
            copy("profiles/" + sample.profileName(), folder.resolve("profiles").resolve(sample.profileName()));
            return folder.resolve(sample.fileName());
        } catch (IOException e) {
            throw SluiceException.input("Cannot copy the sample " + sample.fileName() + " to " + folder + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** Where {@link #extract} puts the profile that goes with a sample. */
    public static Path profileOf(Sample sample, Path directory) {
        return directory.resolve("samples").resolve("profiles").resolve(sample.profileName());
    }

    /** The profile of the sample {@code file} was copied from, when it is one in {@code directory}; else null. */
    public static Path profileOfCopy(Path file, Path directory) {
        Path folder = directory.resolve("samples").toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!folder.equals(absolute.getParent())) {
            return null;
        }
        return ALL.stream().filter(s -> s.fileName().equals(absolute.getFileName().toString())).findFirst()
                .map(s -> profileOf(s, directory)).orElse(null);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IOException("the sample " + resource + " is missing from this build");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
