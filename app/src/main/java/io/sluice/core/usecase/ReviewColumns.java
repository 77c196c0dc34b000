package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.review.Review;

/** Finds a source column of a review by the header a person typed. */
final class ReviewColumns {

    private ReviewColumns() {
    }

    /** The 0-based index of {@code header} (exact, else ignoring case); an input error naming the columns if none. */
    static int index(Review review, String header) {
        int exact = review.columns().indexOf(header);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < review.columns().size(); i++) {
            if (review.columns().get(i).equalsIgnoreCase(header == null ? "" : header.strip())) {
                return i;
            }
        }
        throw SluiceException.input("The review " + review.file().getFileName() + " has no column '" + header
                + "'; its columns are: " + String.join(", ", review.columns()) + ".");
    }
}
