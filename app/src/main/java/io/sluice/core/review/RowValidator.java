package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks one row again after the steward edited it; see {@link ProfileRowValidator} for the real one. */
public interface RowValidator {

    /** The findings on this row (raw cells with the edits applied), every one numbered with the row's number. */
    List<Finding> validate(SourceRow effectiveRow);

    /**
     * Ids of rules that judge a row against the whole file (unique within the file), which one row cannot answer.
     * Their earlier findings on an edited row are kept unless the edit changed the column they are about.
     */
    default Set<String> fileWideRules() {
        return Set.of();
    }

    /**
     * Validates many rows at once, e.g. after a value fix; in the order given. The real validator runs its rules on
     * them as one chunk, so that the database is asked once per chunk, not once per row.
     */
    default List<RowVerdict> validateAll(List<SourceRow> effectiveRows) {
        List<RowVerdict> verdicts = new ArrayList<>(effectiveRows.size());
        for (SourceRow row : effectiveRows) {
            verdicts.add(new RowVerdict(validate(row), filledCells(row)));
        }
        return verdicts;
    }

    /** How many of the row's mapped cells hold a value, for the completeness score; negative when not known. */
    default int filledCells(SourceRow effectiveRow) {
        return -1;
    }

    /**
     * The validator for rows in which only source column {@code column} changed: it may run only the rules whose
     * findings such a change can alter, and then names their ids in {@link #reportedRules()}. This one, by default.
     */
    default RowValidator forChangedColumn(int column) {
        return this;
    }

    /**
     * The ids of the rules whose findings the verdicts give; null when they give every rule's, so that a verdict
     * replaces all of a row's findings but those one row cannot judge.
     */
    default Set<String> reportedRules() {
        return null;
    }

    /**
     * Writes again the findings that depend on other rows' decisions (a child whose parent row of the same table is
     * rejected, rule {@code self-fk}), from every row of {@code review} as it stands; does nothing where no rule
     * judges a row that way.
     */
    default void recheckDecided(Review review) {
        SelfReferencePass.recheckRejected(review, selfReferenceTables());
    }

    /** The tables the rows feed that have a foreign key to themselves, for {@link SelfReferencePass}; none here. */
    default List<SelfReferencePass.Table> selfReferenceTables() {
        return List.of();
    }

    /**
     * Whether {@link #recheckDecided} may write findings for {@code review} (a table of it has a foreign key to
     * itself); asked without connecting to the target.
     */
    default boolean judgesByDecisions(Review review) {
        return !selfReferenceTables().isEmpty();
    }

    /**
     * The approved rows, ascending, whose parent row of the same table (rule {@code self-fk}) the import would not
     * write with them (not approved, or with errors) and the table does not hold; empty where no rule judges a row
     * that way.
     */
    default long[] approvedWithoutParent(Review review) {
        return SelfReferencePass.approvedWithoutParent(review, selfReferenceTables());
    }
}
