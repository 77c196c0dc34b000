package io.sluice.core.review;

import io.sluice.core.source.SourceFormat;

import java.nio.file.Path;

/** Builders shared by the review tests. */
final class ReviewTestSupport {

    private ReviewTestSupport() {
    }

    static ReviewInfo info() {
        return ReviewInfo.of(Path.of("/data/mixes/march.xlsx"), "ab".repeat(32), SourceFormat.XLSX, "Mixes", 3);
    }
}
