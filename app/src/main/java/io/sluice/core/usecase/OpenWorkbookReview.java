package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.rules.Finding;
import io.sluice.core.tables.WorkbookRowValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A workbook review opened for the steward's decisions and edits, sheet by sheet. Each sheet is an
 * {@link OpenReview} ({@link #sheet}) for reading, counting and building row filters; every change goes through
 * this class, which re-validates an edited row with a validator that expands it into every table its sheet feeds,
 * and then re-checks the reference findings of every sheet, so that a change in a parent sheet (a material renamed
 * or rejected) shows at once on the rows referencing it. The target is connected at the first re-validation.
 */
public final class OpenWorkbookReview implements AutoCloseable {

    private final WorkbookFiles files;
    /** The profile as the sheets record it now: a rule step on a sheet, or its undo, changes its table's rules. */
    private Profile profile;
    private final List<DeferredRowValidator> validators = new ArrayList<>();
    private final Supplier<TargetDatabase> connect;
    private final Map<String, OpenReview> sheets = new LinkedHashMap<>();
    private TargetDatabase db;
    /** What the latest change could not do, in one sentence; null when it did all. */
    private String notice;

    private OpenWorkbookReview(WorkbookFiles files, Supplier<TargetDatabase> connect) {
        this.files = files;
        this.profile = files.profile();
        this.connect = connect;
        for (WorkbookMembers.Member m : files.members()) {
            Review member = files.member(m.sheet());
            DeferredRowValidator validator = new DeferredRowValidator(() -> WorkbookRowValidator.of(profile,
                    m.tables(), m.sheet(), member.info().headerRow(), member.columns(), database()));
            validators.add(validator);
            sheets.put(m.sheet(), OpenReview.member(member, validator, () -> profile, this::database,
                    "Sheet " + m.sheet() + " of " + files.file().getFileName()));
        }
    }

    /**
     * Opens the workbook review; {@code target} connects to the database edits are validated against, or null for
     * the target the review records.
     */
    public static OpenWorkbookReview open(Path file, Supplier<TargetDatabase> target) {
        WorkbookFiles files = WorkbookFiles.open(file);
        try {
            return new OpenWorkbookReview(files, target != null ? target
                    : OpenReview.recordedTarget(files.workbook()));
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    public Path file() {
        return files.file();
    }

    /** The profile onto several tables the review records. */
    public Profile profile() {
        return profile;
    }

    /**
     * A sheet's columns that the parts of the profile reading it do not map, and those Sluice added when it sent
     * rows back (neither checked nor imported).
     */
    public UnmappedColumns unmapped(String sheet) {
        List<String> tables = tablesOf(sheet);
        return UnmappedColumns.of(sheet, profile.tables().stream().filter(t -> tables.contains(t.table())).toList(),
                sheet(sheet).columns());
    }

    /** The sheets, in the order they are validated (parents' sheets first). */
    public List<String> sheets() {
        return files.sheets();
    }

    /** The tables a sheet feeds, as the profile names them. */
    public List<String> tablesOf(String sheet) {
        return files.memberOf(sheet).tables();
    }

    /**
     * One sheet, for reading its rows, findings and counts and for building row filters; a name the workbook lacks
     * is one sentence naming its sheets. Change it through this class, not through its session, so that the
     * references between the sheets are checked again.
     */
    public OpenReview sheet(String name) {
        return sheets.get(files.sheetNamed(name));
    }

    /** Decisions per sheet. */
    public Map<String, DecisionCounts> counts() {
        Map<String, DecisionCounts> counts = new LinkedHashMap<>();
        sheets.forEach((name, sheet) -> counts.put(name, sheet.session().counts()));
        return counts;
    }

    /**
     * Approves the rows {@code filter} matches on one sheet, or on every sheet when {@code sheet} is null (the filter
     * built for each sheet, all before anything changes, so a filter one sheet cannot take fails in one sentence
     * and changes nothing); one undoable step per sheet. Returns the rows changed per sheet.
     */
    public Map<String, Integer> approveAll(String sheet, Function<OpenReview, RowFilter> filter) {
        return decide(sheet, filter, (s, f) -> s.session().approveAll(f));
    }

    /** As {@link #approveAll}, rejecting with one reason. */
    public Map<String, Integer> rejectAll(String sheet, Function<OpenReview, RowFilter> filter, String reason) {
        return decide(sheet, filter, (s, f) -> s.session().rejectAll(f, reason));
    }

    /** As {@link #approveAll}, taking the decisions back (pending again). */
    public Map<String, Integer> clearAll(String sheet, Function<OpenReview, RowFilter> filter) {
        return decide(sheet, filter, (s, f) -> s.session().clearAll(f));
    }

    private interface Decide {
        int apply(OpenReview sheet, RowFilter filter);
    }

    private Map<String, Integer> decide(String sheet, Function<OpenReview, RowFilter> filter, Decide decide) {
        notice = null;
        List<String> names = sheet == null ? sheets() : List.of(files.sheetNamed(sheet));
        Map<String, RowFilter> filters = new LinkedHashMap<>();
        for (String name : names) {
            filters.put(name, filter.apply(sheets.get(name)));
        }
        Map<String, Integer> changed = new LinkedHashMap<>();
        try {
            filters.forEach((name, f) -> changed.put(name, decide.apply(sheets.get(name), f)));
        } catch (RuntimeException e) {
            // the sheets decided before the failure keep their decisions: their references must follow them
            if (changed.values().stream().anyMatch(n -> n > 0)) {
                try {
                    recheckReferences(Progress.NONE);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        if (changed.values().stream().anyMatch(n -> n > 0)) {
            recheckReferences(Progress.NONE);
            keepSheetNotice(changed.keySet());
        }
        return changed;
    }

    /**
     * Sets one cell of a sheet (0-based column); the row is validated again in every table its sheet feeds, then
     * the references of every sheet. Returns the row's findings now.
     */
    public List<Finding> edit(String sheet, long row, int column, String text) {
        OpenReview member = sheet(sheet);
        notice = null;
        member.session().edit(row, column, text);
        recheckReferences(Progress.NONE);
        keepSheetNotice(List.of(files.sheetNamed(sheet)));
        return member.session().findings(row);
    }

    /** Fixes values of one column of a sheet as one undoable step (see {@link FixValues}), then the references. */
    public FixOutcome fix(String sheet, FixValues.Request request, Progress progress) {
        notice = null;
        FixOutcome outcome = FixValues.apply(sheet(sheet), request, progress);
        recheckReferences(progress);
        keepSheetNotice(List.of(files.sheetNamed(sheet)));
        return outcome;
    }

    /** What {@link #fix} would change on that sheet, changing nothing. */
    public FixPreview previewFix(String sheet, FixValues.Request request, int examples, Progress progress) {
        return FixValues.preview(sheet(sheet), request, examples, progress);
    }

    /** Reverts the latest step on that sheet, then re-checks the references; false when there is none. */
    public boolean undo(String sheet) {
        notice = null;
        boolean undone = sheet(sheet).session().undo();
        if (undone) {
            profileChanged();
            recheckReferences(Progress.NONE);
            keepSheetNotice(List.of(files.sheetNamed(sheet)));
        }
        return undone;
    }

    /** Does the latest undone step on that sheet again, then re-checks the references; false when there is none. */
    public boolean redo(String sheet) {
        notice = null;
        boolean redone = sheet(sheet).session().redo();
        if (redone) {
            profileChanged();
            recheckReferences(Progress.NONE);
            keepSheetNotice(List.of(files.sheetNamed(sheet)));
        }
        return redone;
    }

    /**
     * Reads the profile again after a step that may have changed a table's rules (a rule applied or removed, an
     * undo or redo); the sheets' validators are built again with it at their next use.
     */
    void profileChanged() {
        profile = files.profile();
        validators.forEach(DeferredRowValidator::reset);
    }

    /** Every sheet's findings of rule {@code reference} checked again from the rows as they stand. */
    void recheckReferences(Progress progress) {
        notice = null;
        try {
            ReferenceFindings.recheck(files, profile, database(), progress);
        } catch (SluiceException e) {
            // the change stands; the references keep their findings (none is written unless all are)
            if (e.kind() != SluiceException.Kind.TARGET) {
                throw e;
            }
            notice = ReviewSession.uncheckedNotice("the references between the sheets were", e);
        }
    }

    /**
     * Keeps what a changed sheet's own session could not do (its rows naming a parent row of the same table not
     * checked again, decision 0088) when the references between the sheets were checked.
     */
    private void keepSheetNotice(Collection<String> changed) {
        for (String name : changed) {
            if (notice != null) {
                return;
            }
            notice = sheets.get(name).session().notice().orElse(null);
        }
    }

    /**
     * What the latest change could not do although it was made, in one sentence (the references between the sheets,
     * or a sheet's rows naming a parent row of its table, not checked again because the target could not be
     * reached); empty when it did all.
     */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** The target the sheets are validated against, connected at the first call. */
    TargetDatabase target() {
        return database();
    }

    private TargetDatabase database() {
        if (db == null) {
            db = connect.get();
        }
        return db;
    }

    /** The sheets that have a column with this header, parents' sheets first. */
    public List<String> sheetsWithColumn(String header) {
        List<String> found = new ArrayList<>();
        sheets.forEach((name, sheet) -> {
            if (sheet.columns().contains(header)) {
                found.add(name);
            }
        });
        return found;
    }

    @Override
    public void close() {
        try {
            sheets.values().forEach(OpenReview::close);
        } finally {
            try {
                files.close();
            } finally {
                if (db != null) {
                    db.close();
                }
            }
        }
    }
}
