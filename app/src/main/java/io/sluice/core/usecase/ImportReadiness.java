package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.Review;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to "can I import this review?": the target and the tables' shapes it was validated against, and whether
 * an import would go ahead now, in one line (the import itself checks the same before it writes anything, see
 * {@link TargetChangedException}).
 *
 * @param validatedAgainst each table the review recorded at validation, as "concrete_mix (15 columns, ...)"; empty
 *                         when it recorded none
 * @param ready            whether {@code sluice import --review} would import rows now
 * @param answer           the one-line answer, beginning "Import: "
 */
public record ImportReadiness(List<String> validatedAgainst, boolean ready, String answer) {

    public ImportReadiness {
        validatedAgainst = List.copyOf(validatedAgainst);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Checks the review in {@code file} against {@code target} as it is now; a target that cannot be reached is an
     * answer too, not a failure.
     */
    public static ImportReadiness of(Review review, Path file, Target target) {
        String reviewName = String.valueOf(file.getFileName());
        Optional<Map<String, TableShape>> recorded = review.targetShapes();
        List<String> against = new ArrayList<>();
        recorded.ifPresent(shapes -> shapes.forEach((table, shape) -> against.add(table + " (" + shape.summary()
                + ")")));
        String validate = "sluice validate --review " + reviewName;
        if (review.info().profileJson() == null) {
            return new ImportReadiness(against, false, "Import: not yet: the review is not validated; validate it"
                    + " with a profile first (" + validate + " --profile PROFILE.json).");
        }
        if (review.currentSummary().isEmpty()) {
            return new ImportReadiness(against, false, "Import: not yet: the validation of this review did not"
                    + " finish; validate it again first (" + validate + ").");
        }
        if (recorded.isEmpty()) {
            return new ImportReadiness(against, false, "Import: cannot tell: " + TargetChangedException
                    .unrecordedNote(reviewName));
        }
        Optional<ReviewCommits.Commit> committed;
        try {
            committed = ReviewCommits.of(target, file).stream().filter(c -> c.rolledBackAt() == null).findFirst();
        } catch (SluiceException e) {
            return new ImportReadiness(against, false, "Import: cannot tell: the target could not be checked: "
                    + e.getMessage());
        }
        if (committed.isPresent()) {
            ReviewCommits.Commit batch = committed.get();
            // the review's rows are in the target already: a second import would write them again or be refused
            return new ImportReadiness(against, false, String.format("Import: done: its approved rows went into"
                            + " batch %d on %s (%,d inserted, %,d updated, %,d skipped); sluice rollback %d takes it"
                            + " back.", batch.batch(), WHEN.format(batch.at().atZone(ZoneId.systemDefault())),
                    batch.inserted(), batch.updated(), batch.skipped(), batch.batch()));
        }
        List<String> changes = new ArrayList<>();
        try (TargetDatabase db = target.open()) {
            recorded.get().forEach((table, shape) -> {
                List<String> changed = TableShape.of(db.table(table)).changesSince(shape);
                if (!changed.isEmpty()) {
                    changes.add("the table " + table + " has changed since it was validated ("
                            + String.join("; ", changed) + ")");
                }
            });
        } catch (SluiceException e) {
            return new ImportReadiness(against, false, "Import: cannot tell: the target could not be checked: "
                    + e.getMessage());
        }
        if (!changes.isEmpty()) {
            return new ImportReadiness(against, false, "Import: not until validated again: "
                    + String.join("; ", changes) + "; " + validate + " keeps its decisions and edits.");
        }
        DecisionCounts decisions = review.ledger().counts();
        String tables = recorded.get().size() == 1 ? "the target table is" : "the target tables are";
        if (decisions.approved() == 0) {
            long valid = review.rowCount() - review.counts().rowsWithErrors();
            return new ImportReadiness(against, false, "Import: nothing yet: " + tables + " as validated, but no"
                    + " row is approved; " + (valid == 0 ? "every row has errors, so fix or reject them first."
                    : String.format("approve rows first (sluice decide %s --approve valid approves the %,d row%s"
                    + " without errors).", reviewName, valid, valid == 1 ? "" : "s")));
        }
        return new ImportReadiness(against, true, String.format("Import: yes: %s as validated; %,d approved row%s"
                + " would be imported (sluice import --review %s)%s.", tables, decisions.approved(),
                decisions.approved() == 1 ? "" : "s", reviewName, decisions.pending() == 0 ? ""
                        : String.format(", %,d pending stay out", decisions.pending())));
    }
}
