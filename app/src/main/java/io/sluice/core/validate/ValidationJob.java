package io.sluice.core.validate;

import io.sluice.core.Progress;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One validation of one file with one profile against one target: opens the sheet, checks the profile against the
 * file's columns and the target table, builds the rules, then streams every row through them. The command line,
 * the benchmark and the desktop all validate through this class.
 */
public final class ValidationJob implements AutoCloseable {

    private final Path file;
    private final Profile profile;
    private final TargetDatabase db;
    private final SourceTable table;
    private final TableInfo tableInfo;
    private final Mapper mapper;
    private final RuleSet rules;
    /** Hashing a large file takes a second or two: it runs beside the validation instead of after it. */
    private final CompletableFuture<String> sha256;

    private ValidationJob(Path file, Profile profile, TargetDatabase db, SourceTable table) {
        this(file, profile, db, table, null, null);
    }

    private ValidationJob(Path file, Profile profile, TargetDatabase db, SourceTable table, Set<String> onlyRules) {
        this(file, profile, db, table, onlyRules, null);
    }

    private ValidationJob(Path file, Profile profile, TargetDatabase db, SourceTable table, Set<String> onlyRules,
                          CompletableFuture<String> hashed) {
        this.file = file;
        this.profile = profile;
        this.db = db;
        this.table = table;
        this.tableInfo = db.table(profile.requireOneTable().table());
        this.mapper = Mapper.compile(profile, table.columns(), tableInfo);
        this.rules = onlyRules == null ? RuleSet.build(profile, tableInfo, mapper.targetColumns(), db)
                : RuleSet.profileRulesOnly(profile, tableInfo, mapper.targetColumns(), db, onlyRules);
        if (hashed != null) {
            this.sha256 = hashed;
            return;
        }
        this.sha256 = new CompletableFuture<>();
        if (file == null) {
            sha256.complete(null);
            return;
        }
        Thread hashing = new Thread(() -> FileOpening.hash(file, sha256), "sluice-sha256");
        hashing.setDaemon(true);
        hashing.start();
    }

    /**
     * Opens the file and prepares the rules; fails with a clear message when the profile does not fit the file or
     * the table. Source options not given fall back to those recorded in the profile.
     */
    public static ValidationJob prepare(Path file, SourceOptions options, Profile profile, TargetDatabase db) {
        return prepare(file, Sources.open(file, options), null, profile, db);
    }

    /**
     * As {@link #prepare(Path, SourceOptions, Profile, TargetDatabase)}, with the file opened (and being hashed)
     * ahead while the target was opening: waits for the opening and fails as opening the file failed.
     */
    public static ValidationJob prepare(FileOpening opening, Profile profile, TargetDatabase db) {
        return prepare(opening.file(), opening.take(), opening.sha256(), profile, db);
    }

    private static ValidationJob prepare(Path file, SourceTable table, CompletableFuture<String> hashed,
                                         Profile profile, TargetDatabase db) {
        try {
            return new ValidationJob(file, profile, db, table, null, hashed);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /**
     * Prepares the rules over rows that are not read from a file (e.g. a review's own rows); such a job has no
     * file hash. Fails with a clear message when the profile does not fit the rows' columns or the table.
     */
    public static ValidationJob over(SourceTable rows, Profile profile, TargetDatabase db) {
        return new ValidationJob(null, profile, db, rows);
    }

    /**
     * As {@link #over(SourceTable, Profile, TargetDatabase)}, running only the profile's rules whose ids are in
     * {@code profileRules} (no rule derived from the target): a rule applied to a review.
     */
    public static ValidationJob over(SourceTable rows, Profile profile, TargetDatabase db, Set<String> profileRules) {
        return new ValidationJob(null, profile, db, rows, Set.copyOf(profileRules));
    }

    public SourceTable table() {
        return table;
    }

    public TableInfo targetTable() {
        return tableInfo;
    }

    public Profile profile() {
        return profile;
    }

    /** The target columns the profile maps, in table order (the columns of every mapped row). */
    public List<ColumnInfo> targetColumns() {
        return mapper.targetColumns();
    }

    /** Ids of the rules whose findings mean "this row repeats a key of an earlier row". */
    public Set<String> uniquenessRules() {
        return rules.uniquenessRules();
    }

    /**
     * The source columns (0-based) this job's rules and mapping need, or empty when a rule may read any value of
     * the row: a job running a few rules can be fed rows holding only these columns.
     */
    public Optional<Set<Integer>> sourceColumnsRead() {
        Set<String> targets = rules.readColumns();
        return targets == null ? Optional.empty() : Optional.of(mapper.sourcesOf(targets));
    }

    /** Validates every row, handing each result to {@code rows} in source order. */
    public ValidationSummary run(Consumer<RowResult> rows, Progress progress) {
        return new Validation(mapper, rules).run(table, rows, progress);
    }

    /** SHA-256 of the source file (waits for the hashing started with the job). */
    public String sha256() {
        try {
            return sha256.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while hashing " + file.getFileName());
        }
    }

    /** What a report of this run is about; {@code profilePath} may be null for a profile not read from a file. */
    public ReportSource reportSource(String profilePath) {
        return new ReportSource(file.toString(), sha256(), table.format().name(), table.sheet(),
                table.headerRow(), profile.name(), profilePath, ProfileIO.sha256(profile), db.displayUrl(),
                tableInfo.qualifiedName());
    }

    @Override
    public void close() {
        table.close();
    }
}
