package io.sluice.desktop.review;

import io.sluice.core.profile.Profile;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.RowValidator;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.target.TargetDatabase;
import io.sluice.desktop.TargetChoice;

import java.util.List;
import java.util.Set;

/**
 * Validates an edited row with the review's profile, connecting to the target only at the first edit: opening a
 * review then costs no database start-up, and most reviews are opened to decide, not to edit. Used under the
 * review's lock, so from one thread at a time.
 */
final class LazyRowValidator implements RowValidator, AutoCloseable {

    private final Profile profile;
    private final List<String> columns;
    private final TargetChoice target;
    private TargetDatabase db;
    private ProfileRowValidator validator;

    LazyRowValidator(Profile profile, List<String> columns, TargetChoice target) {
        this.profile = profile;
        this.columns = columns;
        this.target = target;
    }

    @Override
    public List<Finding> validate(SourceRow effectiveRow) {
        return validator().validate(effectiveRow);
    }

    @Override
    public Set<String> fileWideRules() {
        return validator().fileWideRules();
    }

    private ProfileRowValidator validator() {
        if (validator == null) {
            TargetDatabase opened = target.open();
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
