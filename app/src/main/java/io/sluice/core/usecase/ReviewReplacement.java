package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Stages a review in place of one the steward asked to replace ({@code validate FILE --review R --force}): the review
 * of one sheet, or a workbook review with the folder of its sheets, finished or left unfinished by a staging that
 * stopped. The old review is set aside under {@code R.replaced} (its folder of sheets beside it) while the new one is
 * staged, put back if the staging fails, and deleted once the new review is complete, so a failed replacement leaves
 * the steward the review they had. If Sluice is stopped midway, the set-aside review stays, and the next replacement
 * of {@code R} keeps it set aside until that one has succeeded.
 * <p>
 * Anything that is not a review is refused rather than deleted or moved: a mistyped review name must not cost the
 * steward a source file or a folder of other work.
 */
public final class ReviewReplacement {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewReplacement.class);
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

    private final Path review;
    private final Path folder;
    private final Path aside;
    private final Path asideFolder;
    private final boolean setAside;

    private ReviewReplacement(Path review, boolean setAside) {
        this.review = review;
        this.folder = WorkbookMembers.folder(review);
        this.aside = asideOf(review);
        this.asideFolder = WorkbookMembers.folder(aside);
        this.setAside = setAside;
    }

    /**
     * Runs {@code staging}, which writes a new review at {@code review}, with the review already there set aside:
     * deleted when the staging returns, put back when it throws.
     */
    public static <T> T replace(Path review, Supplier<T> staging) {
        ReviewReplacement replacement = setAside(review);
        T result;
        try {
            result = staging.get();
        } catch (RuntimeException | Error e) {
            replacement.putBack(e);
            throw e;
        }
        replacement.discard();
        return result;
    }

    /** Where a replacement sets the review at {@code review} aside: its name plus {@code .replaced}. */
    public static Path asideOf(Path review) {
        return Review.setAside(review);
    }

    /**
     * Moves the review at {@code review} aside, its sheets' folder first: whenever a set-aside folder has no review
     * beside it, Sluice stopped between the two moves (of this or of a putting back) and the review at its own name
     * still belongs with that folder.
     */
    private static ReviewReplacement setAside(Path review) {
        Path folder = WorkbookMembers.folder(review);
        Path aside = asideOf(review);
        Path asideFolder = WorkbookMembers.folder(aside);
        refuseForeign(review, folder);
        refuseForeign(aside, asideFolder);
        try {
            if (!Files.exists(aside) && Files.exists(asideFolder)) {
                if (!Files.exists(review) || Files.exists(folder)) {
                    throw SluiceException.input("The folder " + asideFolder + " is in the way of setting " + review
                            + " aside; move it or choose another review name.");
                }
                settle(review, folder);
                Files.move(review, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(aside)) {
                // an earlier replacement was stopped before it ended: what is set aside is the review the steward
                // had, and what is at the review's name is what that staging left
                settle(review, folder);
                delete(review, folder);
                return new ReviewReplacement(review, true);
            }
            if (!Files.exists(review) && !Files.exists(folder)) {
                return new ReviewReplacement(review, false);
            }
            settle(review, folder);
            if (Files.exists(folder)) {
                Files.move(folder, asideFolder, StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(review)) {
                moveOrUndo(review, aside, asideFolder, folder);
            }
        } catch (IOException e) {
            throw SluiceException.input("Could not set the review " + review + " aside to replace it: "
                    + e.getMessage() + ".", e);
        }
        return new ReviewReplacement(review, true);
    }

    /** Moves the review aside; if it cannot go, its sheets' folder, already aside, comes back to it. */
    private static void moveOrUndo(Path review, Path aside, Path asideFolder, Path folder) throws IOException {
        try {
            Files.move(review, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(asideFolder)) {
                try {
                    Files.move(asideFolder, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /** Refuses a folder in the review's place, a file that is not a review, and a sheets' folder holding more. */
    private static void refuseForeign(Path review, Path folder) {
        if (Files.isDirectory(review)) {
            throw SluiceException.input("The review " + review + " is a folder, not a file.");
        }
        if (Files.exists(review) && !Review.isReview(review)) {
            throw SluiceException.input(review + " is not a Sluice review, so it is not replaced; choose another"
                    + " review name.");
        }
        if (Files.exists(folder) && !holdsOnlyReviews(folder)) {
            throw SluiceException.input("The folder " + folder + " holds other files than a workbook review's"
                    + " sheets, so it is not replaced; move it or choose another review name.");
        }
    }

    /**
     * Folds each review's log into its file so that the files move alone, and refuses a review another Sluice has
     * open: replacing it would pull it from under that steward's work.
     */
    private static void settle(Path review, Path folder) {
        List<Path> reviews = new ArrayList<>();
        if (Files.exists(review)) {
            reviews.add(review);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> members = Files.list(folder)) {
                members.filter(p -> p.getFileName().toString().endsWith(".sluice")).sorted().forEach(reviews::add);
            } catch (IOException e) {
                throw SluiceException.input("Could not read the folder " + folder + ": " + e.getMessage() + ".", e);
            }
        }
        for (Path file : reviews) {
            if (!Review.settle(file)) {
                throw SluiceException.input("The review " + review + " is open in another Sluice; close it there"
                        + " before replacing it.");
            }
        }
    }

    /** The new review failed: whatever it left goes, and the review set aside takes its name again. */
    private void putBack(Throwable failure) {
        if (!setAside) {
            return;
        }
        try {
            delete(review, folder);
            // the review first, then its folder: the order a stopped setting aside knows how to finish
            if (Files.exists(aside)) {
                Files.move(aside, review, StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(asideFolder)) {
                Files.move(asideFolder, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("The review {} could not be put back in place of {}: it is kept under its set-aside name",
                    aside, review, e);
        }
    }

    /** The new review is complete: the one it replaces goes. */
    private void discard() {
        if (!setAside) {
            return;
        }
        try {
            delete(aside, asideFolder);
        } catch (IOException e) {
            LOG.warn("The replaced review {} could not be deleted", aside, e);
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
