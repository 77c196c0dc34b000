package io.sluice.cli;

import io.sluice.core.review.RowFilter;
import io.sluice.core.usecase.OpenReview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The row filters of {@code decide} and {@code fix} as typed on the command line: valid | errors | pending | all | rule:ID | column:HEADER |
 * rows:2,5,9, combined with +.
 */
final class RowFilterSyntax {

    /** For the commands' help. */
    static final String SYNTAX = "valid | errors | pending | all | rule:ID | column:HEADER | rows:2,5,9 (combine with"
            + " +, e.g. pending+valid)";

    private RowFilterSyntax() {
    }

    /** The filter {@code text} names; an unknown filter, column, rule or row is a usage error of one sentence. */
    static RowFilter parse(OpenReview review, String text) {
        RowFilter filter = null;
        for (String part : text.split("\\+")) {
            RowFilter one = one(review, part.trim());
            filter = filter == null ? one : filter.and(one);
        }
        return filter;
    }

    private static RowFilter one(OpenReview review, String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rule:")) {
            return review.rule(part.substring(5).trim());
        }
        if (lower.startsWith("column:")) {
            return review.column(part.substring(7).trim());
        }
        if (lower.startsWith("rows:")) {
            List<Long> rows = new ArrayList<>();
            for (String n : part.substring(5).split(",")) {
                rows.add(parseRow(n.trim()));
            }
            return review.rows(rows);
        }
        if ((lower.equals("valid") || lower.equals("errors")) && !review.isValidated()) {
            throw new UsageException(review.file().getFileName() + " has not been validated to the end, so no row is"
                    + " known to be " + (lower.equals("valid") ? "valid" : "in error") + "; run 'sluice validate"
                    + " --review " + review.file() + " --profile PROFILE.json' first.");
        }
        return switch (lower) {
            case "valid" -> RowFilter.valid();
            case "errors" -> RowFilter.withErrors();
            case "pending" -> RowFilter.pending();
            case "all" -> RowFilter.all();
            default -> throw new UsageException("Unknown filter '" + part + "'; use valid, errors, pending, all, "
                    + "rule:ID, column:HEADER or rows:2,5,9.");
        };
    }

    static long parseRow(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not a row number.");
        }
    }
}
