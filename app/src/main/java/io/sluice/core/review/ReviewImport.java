package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.workspace.Review;

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
            throw SluiceException.input(review.file() + " holds no mapping profile; validate the file again with a"
                    + " profile to create a review that can be imported.");
        }
        return ProfileIO.fromJson(json, review.file().toString());
    }
}
