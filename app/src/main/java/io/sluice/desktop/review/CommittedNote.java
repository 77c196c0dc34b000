package io.sluice.desktop.review;

import io.sluice.core.usecase.ReviewCommits;
import io.sluice.desktop.task.TaskRunner;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Whether the review on screen was committed, in one sentence asked of the target in the background: a steward who
 * reopens yesterday's review must not take work that is in the target for work still pending. Editing a committed
 * review stays allowed (rows rejected then may be fixed and committed later); the sentence says what that means.
 */
final class CommittedNote {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private CommittedNote() {
    }

    /** The line, asked of the target's batches of the review. */
    static TargetLine line(TaskRunner tasks) {
        return new TargetLine(tasks, review -> "Reading the batches of " + review.getFileName(),
                (review, target) -> sentence(ReviewCommits.of(target.target(), review)),
                "Whether this review was committed could not be checked: ");
    }

    static String sentence(List<ReviewCommits.Commit> commits) {
        if (commits.isEmpty()) {
            return "";
        }
        ReviewCommits.Commit last = commits.get(0);
        String earlier = commits.size() == 1 ? "" : String.format(Locale.ROOT, " (the latest of %d commits)",
                commits.size());
        String batch = String.format(Locale.ROOT, "batch %d%s on %s by %s: %,d rows into %s", last.batch(), earlier,
                when(last.at()), last.steward(), last.rows(), last.table());
        if (last.rolledBackAt() != null) {
            return "This review was committed as " + batch + ", rolled back on " + when(last.rolledBackAt())
                    + "; none of its rows are in the target now.";
        }
        return "This review was committed as " + batch + ". Changes made here stay in this review file until it is"
                + " committed again, which the Commit step refuses with the same profile unless \"Allow importing"
                + " this file again\" is ticked.";
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }
}
