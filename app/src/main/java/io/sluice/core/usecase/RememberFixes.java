package io.sluice.core.usecase;

import io.sluice.core.profile.ProfileValueMaps;
import io.sluice.core.profile.WorkbookValueMaps;
import io.sluice.core.review.ValueReplacement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the value replacements made in a review (its replace fixes, including applied suggestions, leaving out those
 * undone) into a profile file as {@code map} transforms of their columns, merged with any map already there, so that
 * the next file validated with the profile arrives with those values already replaced. The rest of the profile stays
 * as it was; the file is replaced atomically. A workbook review's replacements go into its profile onto several
 * tables, each into the mappings of the tables its sheet feeds ({@link WorkbookValueMaps}).
 */
public final class RememberFixes {

    private RememberFixes() {
    }

    /**
     * What was saved.
     *
     * @param profile      the profile file
     * @param replacements value replacements the review holds
     * @param columns      source columns whose map was added or extended
     * @param entries      entries in those maps now
     * @param unmapped     columns with replacements that no mapping of the profile reads alone, so not saved
     */
    public record Result(Path profile, int replacements, List<String> columns, int entries, List<String> unmapped) {

        public Result {
            columns = List.copyOf(columns);
            unmapped = List.copyOf(unmapped);
        }
    }

    /** Saves the review's replacements into {@code profileFile}; writes nothing when it holds none. */
    public static Result run(OpenReview review, Path profileFile) {
        List<ValueReplacement> replacements = review.session().replacements();
        List<ProfileValueMaps.Change> changes = replacements.stream()
                .map(r -> new ProfileValueMaps.Change(r.column(), r.from(), r.to())).toList();
        if (changes.isEmpty()) {
            return new Result(profileFile, 0, List.of(), 0, List.of());
        }
        ProfileValueMaps.Outcome outcome = ProfileValueMaps.remember(profileFile, changes);
        return new Result(profileFile, changes.size(), outcome.columns(), outcome.entries(), outcome.unmapped());
    }

    /**
     * Saves the replacements of one sheet of a workbook review, or of every sheet when {@code sheet} is null, into
     * {@code profileFile}, a profile onto several tables; writes nothing when there are none or none can be saved.
     *
     * @return what was saved, and {@code replacements}, the number of replacements the sheets hold
     */
    public static WorkbookResult run(OpenWorkbookReview review, String sheet, Path profileFile) {
        List<String> names = sheet == null ? review.sheets() : List.of(review.sheet(sheet).review().info().sheet());
        List<WorkbookValueMaps.SheetChanges> sheets = new ArrayList<>();
        int replacements = 0;
        for (String name : names) {
            List<ProfileValueMaps.Change> changes = review.sheet(name).session().replacements().stream()
                    .map(r -> new ProfileValueMaps.Change(r.column(), r.from(), r.to())).toList();
            if (!changes.isEmpty()) {
                sheets.add(new WorkbookValueMaps.SheetChanges(name, review.tablesOf(name), changes));
                replacements += changes.size();
            }
        }
        if (sheets.isEmpty()) {
            return new WorkbookResult(profileFile, 0, new WorkbookValueMaps.Outcome(List.of(), List.of()));
        }
        return new WorkbookResult(profileFile, replacements, WorkbookValueMaps.remember(profileFile, sheets));
    }

    /**
     * What was saved from a workbook review.
     *
     * @param profile      the profile file
     * @param replacements value replacements the sheets hold
     * @param outcome      the columns saved, per sheet with their tables, and those not saved with the reason
     */
    public record WorkbookResult(Path profile, int replacements, WorkbookValueMaps.Outcome outcome) {
    }
}
