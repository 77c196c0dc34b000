package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.tables.WorkbookRowValidator;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

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
     * answer too, not a failure. A workbook review gets the same answer for all its sheets ({@link #ofWorkbook}).
     */
    public static ImportReadiness of(Review review, Path file, Target target) {
        String reviewName = String.valueOf(file.getFileName());
        Optional<Map<String, TableShape>> recorded = review.targetShapes();
        List<String> against = describe(recorded.orElse(Map.of()));
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
        DecisionCounts decisions = review.ledger().counts();
        return checked(against, file, target, recorded.get(), validate, db -> {
            if (decisions.approved() == 0) {
                long valid = review.rowCount() - review.counts().rowsWithErrors();
                return nothingApproved(against, recorded.get().size(), valid, reviewName);
            }
            long[] orphans = recorded.get().values().stream().noneMatch(TableShape::referencesItself)
                    ? new long[0] : ProfileRowValidator.of(ProfileIO.fromJson(review.info().profileJson(),
                    file.toString()), review.columns(), db).approvedWithoutParent(review);
            if (orphans.length > 0) {
                return withoutParent(against, orphans, reviewName, null);
            }
            return yes(against, recorded.get().size(), decisions.approved(), decisions.pending(), reviewName, "");
        });
    }

    /**
     * The answer for the review in {@code file}, of one sheet or a workbook, read on its own connection to the file:
     * a front end asks it in the background while the review stays open for the steward's decisions.
     */
    public static ImportReadiness of(Path file, Target target) {
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            return ofWorkbook(file, target);
        }
        try (Review review = Review.open(file)) {
            return of(review, file, target);
        }
    }

    /**
     * The answer for a workbook review (one review per sheet): one line for all its sheets, naming the sheets where
     * they differ (a sheet not validated, a table changed since its sheet was validated, the approved rows per sheet).
     */
    public static ImportReadiness ofWorkbook(Path file, Target target) {
        String reviewName = String.valueOf(file.getFileName());
        String validate = "sluice validate --review " + reviewName;
        try (WorkbookFiles files = WorkbookFiles.open(file)) {
            Map<String, TableShape> shapes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            List<String> unvalidated = new ArrayList<>();
            List<String> unfinished = new ArrayList<>();
            List<String> unrecorded = new ArrayList<>();
            Map<String, DecisionCounts> decisions = new LinkedHashMap<>();
            long valid = 0;
            for (String sheet : files.sheets()) {
                Review member = files.member(sheet);
                if (member.info().profileJson() == null) {
                    unvalidated.add(sheet);
                } else if (member.currentSummary().isEmpty()) {
                    unfinished.add(sheet);
                }
                member.targetShapes().ifPresentOrElse(shapes::putAll, () -> unrecorded.add(sheet));
                decisions.put(sheet, member.ledger().counts());
                valid += member.rowCount() - member.counts().rowsWithErrors();
            }
            List<String> against = describe(shapes);
            if (files.workbook().info().profileJson() == null || !unvalidated.isEmpty()) {
                String which = unvalidated.isEmpty() ? "the review is" : sheets(unvalidated)
                        + (unvalidated.size() == 1 ? " is" : " are");
                return new ImportReadiness(against, false, "Import: not yet: " + which + " not validated; validate"
                        + " the review with its profile first (" + validate + ").");
            }
            if (!unfinished.isEmpty()) {
                return new ImportReadiness(against, false, "Import: not yet: the validation of "
                        + sheets(unfinished) + " did not finish; validate it"
                        + " again first (" + validate + ").");
            }
            if (!unrecorded.isEmpty()) {
                return new ImportReadiness(against, false, "Import: cannot tell: " + TargetChangedException
                        .unrecordedNote(reviewName));
            }
            long approved = decisions.values().stream().mapToLong(DecisionCounts::approved).sum();
            long pending = decisions.values().stream().mapToLong(DecisionCounts::pending).sum();
            long total = valid;
            return checked(against, file, target, shapes, validate, db -> {
                if (approved == 0) {
                    return nothingApproved(against, shapes.size(), total, reviewName);
                }
                try {
                    ImportWorkbookReview.refuseUnresolved(files, files.profile(), db, Progress.NONE);
                } catch (SluiceException e) {
                    return new ImportReadiness(against, false, "Import: not yet: " + e.getMessage());
                }
                for (WorkbookMembers.Member m : files.members()) {
                    Review member = files.member(m.sheet());
                    if (decisions.get(m.sheet()).approved() > 0 && LazyRowValidator.mayReferenceItself(member)) {
                        long[] orphans = WorkbookRowValidator.of(files.profile(), m.tables(), m.sheet(),
                                member.info().headerRow(), member.columns(), db).approvedWithoutParent(member);
                        if (orphans.length > 0) {
                            return withoutParent(against, orphans, reviewName, m.sheet());
                        }
                    }
                }
                List<String> perSheet = new ArrayList<>();
                decisions.forEach((sheet, d) -> {
                    if (d.approved() > 0) {
                        perSheet.add(String.format("%,d of %s", d.approved(), sheet));
                    }
                });
                return yes(against, shapes.size(), approved, pending, reviewName, decisions.size() == 1 ? ""
                        : " (" + String.join(", ", perSheet) + ")");
            });
        }
    }

    /** The steps after the review's own: its batch in the target, then the tables' shapes, then {@code rest}. */
    private static ImportReadiness checked(List<String> against, Path file, Target target,
                                           Map<String, TableShape> recorded, String validate,
                                           Function<TargetDatabase, ImportReadiness> rest) {
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
        try (TargetDatabase db = target.open()) {
            List<String> changes = new ArrayList<>();
            recorded.forEach((table, shape) -> {
                List<String> changed = TableShape.of(db.table(table)).changesSince(shape);
                if (!changed.isEmpty()) {
                    changes.add("the table " + table + " has changed since it was validated ("
                            + String.join("; ", changed) + ")");
                }
            });
            if (!changes.isEmpty()) {
                return new ImportReadiness(against, false, "Import: not until validated again: "
                        + String.join("; ", changes) + "; " + validate + " keeps its decisions and edits.");
            }
            for (String table : recorded.keySet()) {
                Optional<String> refused = db.insertRefused(db.table(table));
                if (refused.isPresent()) {
                    return new ImportReadiness(against, false, "Import: no: " + refused.get());
                }
            }
            return rest.apply(db);
        } catch (SluiceException e) {
            return new ImportReadiness(against, false, "Import: cannot tell: the target could not be checked: "
                    + e.getMessage());
        }
    }

    private static List<String> describe(Map<String, TableShape> shapes) {
        List<String> against = new ArrayList<>();
        shapes.forEach((table, shape) -> against.add(table + " (" + shape.summary() + ")"));
        return against;
    }

    private static ImportReadiness nothingApproved(List<String> against, int tables, long valid, String reviewName) {
        return new ImportReadiness(against, false, "Import: nothing yet: " + tablesAre(tables) + " as validated,"
                + " but no row is approved; " + (valid == 0 ? "every row has errors, so fix or reject them first."
                : String.format("approve rows first (sluice decide %s --approve valid approves the %,d row%s"
                + " without errors).", reviewName, valid, valid == 1 ? "" : "s")));
    }

    private static ImportReadiness yes(List<String> against, int tables, long approved, long pending, String reviewName, String perSheet) {
        return new ImportReadiness(against, true, String.format("Import: yes: %s as validated; %,d approved row%s%s"
                        + " would be imported (sluice import --review %s)%s.", tablesAre(tables), approved,
                approved == 1 ? "" : "s", perSheet, reviewName, pending == 0 ? ""
                        : String.format(", %,d pending stay out", pending)));
    }

    private static String tablesAre(int tables) {
        return tables == 1 ? "the target table is" : "the target tables are";
    }

    private static String sheets(List<String> sheets) {
        return (sheets.size() == 1 ? "the sheet " : "the sheets ") + String.join(", ", sheets);
    }

    /**
     * "Not yet": approved rows (of {@code sheet}, null for a review of one table) name a parent row of the same table
     * that the import would not write with them.
     */
    private static ImportReadiness withoutParent(List<String> against, long[] orphans, String reviewName,
                                                 String sheet) {
        String they = orphans.length == 1 ? "it" : "them";
        String which = sheet == null ? "" : " --sheet " + (sheet.matches("\\S+") ? sheet : "'" + sheet + "'");
        return new ImportReadiness(against, false, String.format("Import: not yet: %s%s %s name%s a parent row"
                + " of the same table that is not approved or has errors, and the table does not hold it, so"
                + " the import would refuse %s; approve %s, or take %s out of the approved ones%s.",
                counted(orphans.length, "approved row"), sheet == null ? "" : " of sheet " + sheet, rowList(orphans),
                orphans.length == 1 ? "s" : "", they, orphans.length == 1 ? "that parent" : "those parents", they,
                orphans.length > 5 ? "" : " (sluice decide " + reviewName + which + " --clear "
                        + rowArgument(orphans) + ")"));
    }

    private static String counted(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** "(row 5)", "(rows 5, 9 and 12 more)". */
    private static String rowList(long[] rows) {
        StringBuilder text = new StringBuilder(rows.length == 1 ? "(row " : "(rows ");
        for (int i = 0; i < Math.min(rows.length, 5); i++) {
            text.append(i == 0 ? "" : ", ").append(rows[i]);
        }
        if (rows.length > 5) {
            text.append(String.format(" and %,d more", rows.length - 5));
        }
        return text.append(')').toString();
    }

    /** The rows as {@code decide --clear} takes them: "rows:5,9". */
    private static String rowArgument(long[] rows) {
        StringBuilder text = new StringBuilder("rows:");
        for (int i = 0; i < rows.length; i++) {
            text.append(i == 0 ? "" : ",").append(rows[i]);
        }
        return text.toString();
    }
}
