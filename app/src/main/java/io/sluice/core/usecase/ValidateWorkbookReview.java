package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.FindingWriter;
import io.sluice.core.review.QualityBasis;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.RowWriter;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.WorkbookRowValidator;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ValidationSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The review of a workbook with a profile onto several related tables (version 2): {@link #stage} validates the
 * workbook across all its tables and stages every sheet's source rows, with the findings of every table made from
 * them (and the reference findings), into a workbook review: the file the steward names, holding no rows, and one
 * member review per sheet in the folder beside it ({@link WorkbookMembers}). {@link #run} validates such a review
 * again from its rows with the steward's edits, decisions kept. Open one with {@link OpenWorkbookReview}, import its
 * approved rows with {@link ImportWorkbookReview}.
 */
public final class ValidateWorkbookReview {

    /** What the workbook review's sheet field says: it holds no sheet of its own. */
    static final String WORKBOOK_SHEET = "(workbook)";

    /**
     * What the validation found.
     *
     * @param review          the workbook review
     * @param profileName     the profile validated with
     * @param target          the target database, without any password
     * @param summary         counts per table and per sheet (rows with errors: source rows with an error finding)
     * @param gates           the profile's gates measured (rejected rows: the rows the steward rejected)
     * @param decisions       the steward's decisions per sheet, kept as they were
     * @param approvedInError approved rows that have an error finding now, over all sheets
     * @param unmapped        each sheet's columns the profile does not map, and those Sluice added when it sent
     *                        rows back
     */
    public record Outcome(Path review, String profileName, String target, TablesSummary summary,
                          List<GateResult> gates, Map<String, DecisionCounts> decisions, long approvedInError,
                          List<UnmappedColumns> unmapped) {

        /** Whether a blocking gate failed: an import of this review would be refused. */
        public boolean blocked() {
            return QualityGates.blocks(gates);
        }
    }

    private ValidateWorkbookReview() {
    }

    /** Whether the file is a workbook review (not the review of one sheet, nor a member of a workbook review). */
    public static boolean isWorkbookReview(Path review) {
        return WorkbookFiles.isWorkbook(review);
    }

    /**
     * Validates the workbook and stages it into a new workbook review at {@code review}, its members in the folder
     * {@code review + ".sheets"}; refuses an existing review or folder. A validation that fails or is cancelled
     * leaves no review behind (a part-staged workbook could not say which parents its rows lean on).
     *
     * @param chosen   reader options the steward chose (encoding, delimiter); each table's sheet comes from the profile
     * @param findings receives every finding on the calling thread (may be null)
     */
    public static Outcome stage(Path workbook, SourceOptions chosen, Profile profile, String profileLabel,
                                Path review, TargetDatabase db, Consumer<TableFinding> findings,
                                Progress progress) {
        Objects.requireNonNull(review, "review");
        ValidateTables.refuseScoreGates(profile);
        Path folder = WorkbookMembers.folder(review);
        if (Files.exists(review)) {
            throw SluiceException.input("The review " + review + " already exists; choose another file name.");
        }
        if (Files.exists(folder)) {
            throw SluiceException.input("The folder " + folder + " is in the way of the workbook review's sheets;"
                    + " choose another review name or move the folder.");
        }
        Consumer<TableFinding> sink = findings == null ? f -> { } : findings;
        String profileJson = ProfileIO.toJson(profile);
        String sha = Sources.sha256(workbook);
        Map<String, Review> members = new LinkedHashMap<>();
        Review main = null;
        boolean done = false;
        try (WorkbookValidation validation = WorkbookValidation.prepare(workbook,
                part -> ValidateTables.optionsOf(chosen, profile, part), profile, db)) {
            List<SourceTable> sources = validation.sources();
            main = Review.create(review, ReviewInfo.of(workbook.toAbsolutePath(), sha, sources.get(0).format(),
                    WORKBOOK_SHEET, 0).withProfileJson(profileJson).withTargetUrl(db.displayUrl()), List.of());
            Files.createDirectories(folder);
            List<WorkbookMembers.Member> listed = new ArrayList<>();
            Map<String, RowWriter> writers = new HashMap<>();
            for (SourceTable source : sources) {
                if (members.containsKey(source.sheet())) {
                    throw SluiceException.input("Profile '" + profile.name() + "' reads sheet " + source.sheet()
                            + " twice, with different header rows; a workbook review keeps one review per sheet, so"
                            + " give its tables the same header row.");
                }
                WorkbookMembers.Member member = new WorkbookMembers.Member(source.sheet(),
                        WorkbookMembers.fileName(listed.size() + 1, source.sheet()), listed.size() + 1,
                        validation.tablesOf(source.sheet()));
                Review staged = Review.create(folder.resolve(member.file()), ReviewInfo.of(
                        workbook.toAbsolutePath(), sha, source.format(), source.sheet(), source.headerRow())
                        .withProfileJson(profileJson).withTargetUrl(db.displayUrl()), source.columns());
                members.put(source.sheet(), staged);
                staged.putMeta(WorkbookMembers.SHEET, source.sheet());
                staged.putMeta(WorkbookMembers.WORKBOOK, review.getFileName().toString());
                writers.put(source.sheet(), staged.rowWriter());
                listed.add(member);
            }
            Map<Long, List<Finding>> chunkFindings = new HashMap<>();
            TablesSummary summary = validation.run(f -> {
                chunkFindings.computeIfAbsent(f.finding().row(), r -> new ArrayList<>()).add(f.forReview());
                sink.accept(f);
            }, (sheet, rows) -> {
                RowWriter writer = writers.get(sheet);
                for (SourceRow row : rows) {
                    List<Finding> found = chunkFindings.remove(row.number());
                    writer.append(row, found == null ? List.of() : found, WorkbookRowValidator.filled(row));
                }
                chunkFindings.clear();
            }, progress);
            if (summary.rows() == 0) {
                throw SluiceException.input(workbook.getFileName() + " has no data rows below the headers of the"
                        + " sheets profile '" + profile.name() + "' reads, so there is nothing to review.");
            }
            for (SourceTable source : sources) {
                writers.get(source.sheet()).close();
                Review staged = members.get(source.sheet());
                staged.addSourceIssues(source.issues());
                recordValidation(staged, source.columns().size(), validation, profileJson, db);
            }
            WorkbookMembers.record(main, listed);
            done = true;
            return outcome(review, profile, db, summary, members, validation.unmapped());
        } catch (IOException e) {
            throw SluiceException.input("Cannot create the folder " + folder + ": " + e.getMessage() + ".", e);
        } finally {
            members.values().forEach(ValidateWorkbookReview::closeQuietly);
            if (main != null) {
                closeQuietly(main);
            }
            if (!done && main != null) {
                deleteQuietly(review, folder);
            }
        }
    }

    /**
     * Validates every sheet of the workbook review again from its rows with the steward's edits, with {@code profile}
     * (null: the one it records) against {@code db}; decisions and edits are kept, the findings replaced, and the
     * rows the steward rejected count as left out for the references to them.
     */
    public static Outcome run(Path review, Profile profile, TargetDatabase db, Consumer<TableFinding> findings,
                              Progress progress) {
        Consumer<TableFinding> sink = findings == null ? f -> { } : findings;
        try (WorkbookFiles files = WorkbookFiles.open(review)) {
            Profile used = profile != null ? profile : files.profile();
            if (!used.mapsSeveralTables()) {
                throw SluiceException.input("Profile '" + used.name() + "' maps onto one table, but "
                        + review.getFileName() + " is the review of a workbook onto several tables; give a profile"
                        + " onto several tables.");
            }
            ValidateTables.refuseScoreGates(used);
            String profileJson = ProfileIO.toJson(used);
            Map<String, FindingWriter> writers = new HashMap<>();
            TablesSummary summary;
            List<UnmappedColumns> unmapped;
            WorkbookValidation.LeftOutRows rejected = files.rejected();
            try (WorkbookValidation validation = WorkbookValidation.prepareOver(part -> files.sheetOf(used, part),
                    sheet -> new ReviewRows(files.path(sheet)), used, db)) {
                for (Review member : files.reviews()) {
                    member.forgetValidation();
                    member.clearFindings();
                }
                try {
                    for (String sheet : files.sheets()) {
                        writers.put(sheet, files.member(sheet).findingWriter());
                    }
                    summary = validation.leavingOut(rejected).run(f -> {
                        writers.get(f.sheet()).append(f.forReview());
                        sink.accept(f);
                    }, (sheet, rows) -> rows.forEach(r -> writers.get(sheet).filledCells(r.number(),
                            WorkbookRowValidator.filled(r))), progress);
                } finally {
                    writers.values().forEach(FindingWriter::close);
                }
                for (String sheet : files.sheets()) {
                    Review member = files.member(sheet);
                    if (member.ledger().counts().rejected() > 0) {
                        // the validation judged every row as if it will be imported: a rejected parent row of the
                        // same table will not be (decision 0088)
                        WorkbookRowValidator.of(used, validation.tablesOf(sheet), sheet, member.info().headerRow(),
                                member.columns(), db).recheckDecided(member);
                    }
                }
                List<WorkbookMembers.Member> listed = new ArrayList<>();
                for (WorkbookMembers.Member m : files.members()) {
                    Review member = files.member(m.sheet());
                    recordValidation(member, member.columns().size(), validation, profileJson, db);
                    listed.add(new WorkbookMembers.Member(m.sheet(), m.file(), m.position(),
                            validation.tablesOf(m.sheet())));
                }
                WorkbookMembers.record(files.workbook(), listed);
                files.workbook().setProfile(profileJson);
                unmapped = validation.unmapped();
            }
            Map<String, Review> members = new LinkedHashMap<>();
            files.sheets().forEach(s -> members.put(s, files.member(s)));
            return outcome(review, used, db, summary, members, unmapped);
        }
    }

    /** Records a member's validation: what its scores are counted over (its sheet's cells) and the profile. */
    private static void recordValidation(Review member, int columns, WorkbookValidation validation,
                                         String profileJson, TargetDatabase db) {
        QualityBasis basis = QualityBasis.of(columns, validation.uniquenessRules(member.info().sheet()));
        member.recordValidation(new ValidationSummary(member.rowCount(), 0, 0, 0, 0, 0,
                new ValidationSummary.FileScores(0, 0, 0, 0), Map.of(), Map.of()), basis, profileJson,
                db.displayUrl());
        // the summary kept as "at validation" is the one counted from the findings just written
        member.recordValidation(member.currentSummary().orElseThrow(), basis, profileJson, db.displayUrl(),
                validation.shapes());
    }

    private static Outcome outcome(Path review, Profile profile, TargetDatabase db, TablesSummary summary,
                                   Map<String, Review> members, List<UnmappedColumns> unmapped) {
        Map<String, DecisionCounts> decisions = new LinkedHashMap<>();
        long approvedInError = 0;
        long rows = 0;
        long rejected = 0;
        for (Map.Entry<String, Review> e : members.entrySet()) {
            DecisionCounts counts = e.getValue().ledger().counts();
            decisions.put(e.getKey(), counts);
            approvedInError += e.getValue().countRows(RowFilter.withStatus(DecisionStatus.APPROVED)
                    .and(RowFilter.withErrors()));
            rows += e.getValue().rowCount();
            rejected += counts.rejected();
        }
        List<GateResult> gates = QualityGates.evaluate(profile.gates(), new GateMeasures(rows,
                summary.rowsWithErrors(), rejected, null));
        return new Outcome(review, profile.name(), db.displayUrl(), summary, gates, decisions, approvedInError,
                unmapped);
    }

    private static void closeQuietly(Review review) {
        try {
            review.close();
        } catch (RuntimeException ignored) {
            // the failure that ended the staging is the one to report
        }
    }

    private static void deleteQuietly(Path review, Path folder) {
        try {
            ReviewReplacement.delete(review, folder);
        } catch (IOException ignored) {
            // left for the steward to remove; the failure that ended the staging is the one to report
        }
    }
}
