package io.sluice.core.usecase;

import io.sluice.core.review.Review;
import io.sluice.core.review.RowValidator;
import io.sluice.core.review.RowVerdict;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A row validator built at its first use, so that opening a review to decide costs no connection to the target.
 */
final class DeferredRowValidator implements RowValidator {

    private final Supplier<RowValidator> build;
    private RowValidator built;

    DeferredRowValidator(Supplier<RowValidator> build) {
        this.build = build;
    }

    /** Builds the validator again at its next use: the profile's rules changed. */
    void reset() {
        built = null;
    }

    private RowValidator validator() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }

    @Override
    public List<Finding> validate(SourceRow effectiveRow) {
        return validator().validate(effectiveRow);
    }

    @Override
    public Set<String> fileWideRules() {
        return validator().fileWideRules();
    }

    @Override
    public List<RowVerdict> validateAll(List<SourceRow> effectiveRows) {
        return validator().validateAll(effectiveRows);
    }

    @Override
    public int filledCells(SourceRow effectiveRow) {
        return validator().filledCells(effectiveRow);
    }

    @Override
    public RowValidator forChangedColumn(int column) {
        return validator().forChangedColumn(column);
    }

    @Override
    public Set<String> reportedRules() {
        return validator().reportedRules();
    }

    /** Connects only when a table the sheet feeds has a foreign key to itself, as a review of one table does. */
    @Override
    public void recheckDecided(Review review) {
        if (LazyRowValidator.mayReferenceItself(review)) {
            validator().recheckDecided(review);
        }
    }

    @Override
    public boolean judgesByDecisions(Review review) {
        return LazyRowValidator.mayReferenceItself(review);
    }

    @Override
    public long[] approvedWithoutParent(Review review) {
        return LazyRowValidator.mayReferenceItself(review) ? validator().approvedWithoutParent(review)
                : new long[0];
    }
}
