package io.sluice.desktop;

import io.sluice.core.profile.Profile;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.core.usecase.ValidateWorkbookReview;

import java.nio.file.Path;

/** The profile a review file records, for a review of one table and for a workbook review alike. */
public final class RecordedProfile {

    private RecordedProfile() {
    }

    /**
     * The profile {@code review} records; a workbook review's with each table's rules as the sheet feeding it records
     * them. Null for a review only loaded.
     */
    public static Profile of(Path review) {
        if (!ValidateWorkbookReview.isWorkbookReview(review)) {
            return ValidateReview.recordedProfile(review);
        }
        try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, null)) {
            return workbook.profile();
        }
    }
}
