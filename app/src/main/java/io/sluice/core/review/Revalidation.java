package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings an edited row gets: the validator's verdict on the row with the edit applied, plus those earlier
 * findings one row cannot judge again (file-wide uniqueness, and the reader's notes on the raw cells, rule
 * {@code source:...}), unless they are about the column that changed.
 */
final class Revalidation {

    private final Review review;
    private final DecisionLedger ledger;
    private final RowValidator validator;

    Revalidation(Review review, DecisionLedger ledger, RowValidator validator) {
        this.review = review;
        this.ledger = ledger;
        this.validator = validator;
    }

    /**
     * The row's findings once {@code column} holds {@code text} (null: its raw value); {@code restored} are findings
     * an earlier change of this cell set aside and that now apply again (its undo). Without a validator nothing is
     * validated and the findings stay.
     */
    RowRecheck check(long row, int column, String text, List<Finding> restored) {
        if (validator == null) {
            return RowRecheck.NONE;
        }
        SourceRow raw = review.row(row).orElseThrow();
        Map<Integer, String> edits = new HashMap<>(ledger.edits(row));
        if (text == null) {
            edits.remove(column);
        } else {
            edits.put(column, text);
        }
        SourceRow effective = CellEdits.apply(raw, edits);
        List<Finding> findings = new ArrayList<>(validator.validate(effective));
        String columnName = column < review.columns().size() ? review.columns().get(column) : null;
        Set<String> fileWide = validator.fileWideRules();
        List<Finding> setAside = new ArrayList<>();
        for (Finding earlier : review.findings(row)) {
            boolean unjudged = fileWide.contains(earlier.rule()) || earlier.rule().startsWith("source:");
            if (unjudged && (earlier.column() == null || !earlier.column().equals(columnName))) {
                findings.add(earlier);
            } else if (unjudged) {
                setAside.add(earlier);
            }
        }
        findings.addAll(restored);
        return new RowRecheck(findings, validator.filledCells(effective), setAside);
    }
}
