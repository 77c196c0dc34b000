package io.sluice.core.usecase;

import io.sluice.core.database.TableShape;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.Review;
import io.sluice.core.review.RowValidator;
import io.sluice.core.review.RowVerdict;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.TargetDatabase;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates an edited row with the profile the review records now, connecting to the target only at the first
 * re-validation: opening a review then costs no database start-up, and most reviews are opened to decide, not to
 * edit. When the recorded profile changes (a rule applied, or its undo) the rules are built again from it. Used
 * from one thread at a time, like the review.
 */
final class LazyRowValidator implements RowValidator, AutoCloseable {

    private final Review review;
    private final Supplier<TargetDatabase> target;
    private TargetDatabase db;
    private ProfileRowValidator validator;
    private String builtFor;

    LazyRowValidator(Review review, Supplier<TargetDatabase> target) {
        this.review = review;
        this.target = target;
    }

    @Override
    public List<Finding> validate(SourceRow effectiveRow) {
        return validator().validate(effectiveRow);
    }

    @Override
    public List<RowVerdict> validateAll(List<SourceRow> effectiveRows) {
        return validator().validateAll(effectiveRows);
    }

    @Override
    public RowValidator forChangedColumn(int column) {
        return validator().forChangedColumn(column);
    }

    @Override
    public Set<String> reportedRules() {
        return validator().reportedRules();
    }

    @Override
    public Set<String> fileWideRules() {
        return validator().fileWideRules();
    }

    @Override
    public int filledCells(SourceRow effectiveRow) {
        return validator().filledCells(effectiveRow);
    }

    /**
     * Connects only when the recorded shape of a table has a foreign key to itself. A review that records none (one
     * validated before Sluice recorded shapes) is also decided without a database, so that a decision never needs
     * the target: its import still refuses a child whose parent is left out, and names each.
     */
    @Override
    public void recheckDecided(Review review) {
        if (mayReferenceItself(this.review)) {
            validator().recheckDecided(review);
        }
    }

    @Override
    public boolean judgesByDecisions(Review review) {
        return mayReferenceItself(review);
    }

    @Override
    public long[] approvedWithoutParent(Review review) {
        return mayReferenceItself(this.review) ? validator().approvedWithoutParent(review) : new long[0];
    }

    /** Whether the recorded shape of a table the review feeds has a foreign key to itself; false when none is. */
    static boolean mayReferenceItself(Review review) {
        return review.targetShapes().map(shapes -> shapes.values().stream()
                .anyMatch(TableShape::referencesItself)).orElse(false);
    }

    /** The profile the review records now. */
    Profile profile() {
        return ProfileIO.fromJson(review.info().profileJson(), review.file().toString());
    }

    /** The target database, connected at the first call. */
    TargetDatabase database() {
        if (db == null) {
            db = target.get();
        }
        return db;
    }

    private ProfileRowValidator validator() {
        String json = review.info().profileJson();
        if (validator == null || !json.equals(builtFor)) {
            boolean fresh = db == null;
            TargetDatabase opened = database();
            try {
                validator = ProfileRowValidator.of(ProfileIO.fromJson(json, review.file().toString()),
                        review.columns(), opened);
                builtFor = json;
            } catch (RuntimeException e) {
                if (fresh) {
                    opened.close();
                    db = null;
                }
                throw e;
            }
        }
        return validator;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
            validator = null;
        }
    }
}
