package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Clears the way for a review the steward asked to replace ({@code validate FILE --review R --force}): the review
 * of one sheet, or a workbook review with the folder of its sheets, finished or left unfinished by a staging that
 * stopped. Anything that is not a review is refused rather than deleted: a mistyped review name must not cost the
 * steward a source file or a folder of other work.
 */
public final class ReviewReplacement {

    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

    private ReviewReplacement() {
    }

    /** Removes the review at {@code review} and its sheets' folder, if any; nothing there is fine. */
    public static void clear(Path review) {
        if (Files.isDirectory(review)) {
            throw SluiceException.input("The review " + review + " is a folder, not a file.");
        }
        if (Files.exists(review) && !Review.isReview(review)) {
            throw SluiceException.input(review + " is not a Sluice review, so it is not replaced; choose another"
                    + " review name.");
        }
        Path folder = WorkbookMembers.folder(review);
        if (Files.exists(folder) && !holdsOnlyReviews(folder)) {
            throw SluiceException.input("The folder " + folder + " holds other files than a workbook review's"
                    + " sheets, so it is not replaced; move it or choose another review name.");
        }
        try {
            delete(review, folder);
        } catch (IOException e) {
            throw SluiceException.input("Could not replace the review " + review + ": " + e.getMessage() + ".", e);
        }
    }

    /** Deletes a review with its SQLite side files, and the folder of its sheets with all it holds. */
    static void delete(Path review, Path folder) throws IOException {
        for (String suffix : SIDE_FILES) {
            Files.deleteIfExists(Path.of(review + suffix));
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A sheets' folder Sluice made: reviews and their SQLite side files, nothing else, no sub-folder. */
    private static boolean holdsOnlyReviews(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(p -> {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p)) {
                    return false;
                }
                for (String suffix : SIDE_FILES) {
                    if (!suffix.isEmpty() && name.endsWith(".sluice" + suffix)) {
                        return true;
                    }
                }
                return name.endsWith(".sluice") && Review.isReview(p);
            });
        } catch (IOException e) {
            return false;
        }
    }
}
