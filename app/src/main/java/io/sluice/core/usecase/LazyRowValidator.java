package io.sluice.core.usecase;

import io.sluice.core.profile.Profile;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.RowValidator;
import io.sluice.core.review.RowVerdict;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.TargetDatabase;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates an edited row with the review's profile, connecting to the target only at the first re-validation:
 * opening a review then costs no database start-up, and most reviews are opened to decide, not to edit. Used from
 * one thread at a time, like the review.
 */
final class LazyRowValidator implements RowValidator, AutoCloseable {

    private final Profile profile;
    private final List<String> columns;
    private final Supplier<TargetDatabase> target;
    private TargetDatabase db;
    private ProfileRowValidator validator;

    LazyRowValidator(Profile profile, List<String> columns, Supplier<TargetDatabase> target) {
        this.profile = profile;
        this.columns = columns;
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
    public Set<String> fileWideRules() {
        return validator().fileWideRules();
    }

    @Override
    public int filledCells(SourceRow effectiveRow) {
        return validator().filledCells(effectiveRow);
    }

    private ProfileRowValidator validator() {
        if (validator == null) {
            TargetDatabase opened = target.get();
            try {
                validator = ProfileRowValidator.of(profile, columns, opened);
                db = opened;
            } catch (RuntimeException e) {
                opened.close();
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
