package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;

/**
 * What a review says about importing it: the profile it was validated with, which names the target table, the
 * mapping and the commit mode. The import itself is {@code io.sluice.core.usecase.ImportRows}.
 */
public final class ReviewImport {

    private ReviewImport() {
    }

    /** The profile the review was validated with; a review staged without one cannot be imported. */
    public static Profile profileOf(Review review) {
        String json = review.info().profileJson();
        if (json == null) {
            // a review made by load is validated in place; validating the source again would start a new review
            throw SluiceException.input(review.file() + " holds no mapping profile yet, so nothing in it can be"
                    + " imported; validate the review with a profile first (its decisions and edits are kept).");
        }
        return ProfileIO.fromJson(json, review.file().toString());
    }
}
