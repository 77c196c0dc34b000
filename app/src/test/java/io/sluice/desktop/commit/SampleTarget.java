package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.RowFilter;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real target for desktop tests — the embedded H2 database in a temporary {@code sluice.home}, or a fresh
 * PostgreSQL database with the sample schema — and reviews of the sample data staged into it like
 * {@code sluice validate --review} does, with decisions made through {@link ReviewSession}.
 */
public final class SampleTarget implements AutoCloseable {

    /** The sample every desktop commit test uses: 215 concrete mixes, some with findings. */
    public static final Samples.Sample SAMPLE = Samples.all().get(0);

    private final Path home;
    private final String previousHome;
    private final TargetChoice choice;

    private SampleTarget(Path home, TargetChoice choice) {
        this.home = home;
        this.previousHome = System.getProperty(SluiceHome.PROPERTY);
        this.choice = choice;
    }

    /** The embedded database (H2 in {@code home}) or a fresh PostgreSQL database with the sample schema. */
    public static SampleTarget of(TestDatabases.Engine engine, Path home) {
        SampleTarget target;
        if (engine == TestDatabases.Engine.H2) {
            target = new SampleTarget(home, TargetChoice.embedded());
            System.setProperty(SluiceHome.PROPERTY, home.toString());
        } else {
            TestDatabases.Database pg = TestDatabases.postgres();
            SampleSchema.install(pg.url(), pg.user(), pg.password());
            target = new SampleTarget(home, new TargetChoice("Test PostgreSQL", pg.url(), pg.user(), pg.password()));
        }
        return target;
    }

    public TargetChoice choice() {
        return choice;
    }

    /**
     * Stages the sample into a new review, approves every row without error findings and rejects the others with
     * the reason "Fails validation"; returns the review file.
     */
    public Path review(String name) {
        return review(name, null);
    }

    /**
     * Stages the sample again and approves the rows that {@code like} approved, even though validating against the
     * table now finds their keys taken: a steward re-importing corrected data.
     */
    public Path reviewApprovingAsIn(String name, Path like) {
        try (Review previous = Review.open(like)) {
            List<Long> rows = new ArrayList<>();
            for (long row : previous.ledger().rowsWith(DecisionStatus.APPROVED)) {
                rows.add(row);
            }
            return review(name, RowFilter.rows(rows));
        }
    }

    /** Stages the sample and approves every row, errors and all: some approved values cannot be stored. */
    public Path reviewApprovingEverything(String name) {
        return review(name, RowFilter.all());
    }

    /**
     * Stages the sample with the sample profile plus these quality gates, approving the valid rows and rejecting the
     * others like {@link #review(String)}: the review records the profile, so its gates go with it to the commit.
     */
    public Path reviewWithGates(String name, List<GateSpec> gates) {
        return review(name, null, gates);
    }

    private Path review(String name, RowFilter approve) {
        return review(name, approve, null);
    }

    /**
     * Validates the sample into a new review through the validation use case, as the desktop and {@code validate
     * --review} do (so the review records what it was validated against), and approves its valid rows.
     */
    public Path validatedReview(String name) {
        Path source = Samples.extract(SAMPLE, home);
        Profile profile = ProfileIO.read(Samples.profileOf(SAMPLE, home));
        Path file = home.resolve(name + ".sluice");
        try (TargetDatabase db = choice.open()) {
            ValidateFile.run(new ValidateFile.Request(source, optionsOf(profile), profile, "sample", file, false), db,
                    null, Progress.NONE);
        }
        try (Review review = Review.open(file); ReviewSession session = ReviewSession.open(review, null)) {
            session.approveAll(RowFilter.valid());
        }
        return file;
    }

    private static SourceOptions optionsOf(Profile profile) {
        SourceSettings s = profile.source();
        return new SourceOptions(s.sheet(), s.headerRow(), false,
                s.encoding() == null ? null : Charset.forName(s.encoding()),
                s.delimiter() == null ? null : s.delimiter().charAt(0));
    }

    private Path review(String name, RowFilter approve, List<GateSpec> gates) {
        Path source = Samples.extract(SAMPLE, home);
        Profile profile = ProfileIO.read(Samples.profileOf(SAMPLE, home));
        if (gates != null) {
            profile = new Profile(profile.format(), profile.version(), profile.name(), profile.source(),
                    profile.table(), profile.columns(), profile.nullMarkers(), profile.rules(), profile.naturalKey(),
                    profile.commitMode(), profile.legacyId(), gates);
        }
        SourceOptions options = optionsOf(profile);
        Path file = home.resolve(name + ".sluice");
        try (TargetDatabase db = choice.open();
             ValidationJob job = ValidationJob.prepare(source, options, profile, db);
             Review review = Review.create(file, ReviewStager.info(job, db), job.table().columns())) {
            try (ReviewStager stager = new ReviewStager(review)) {
                ValidationSummary summary = job.run(stager, Progress.NONE);
                stager.finish(job.table().issues(), summary);
            }
            try (ReviewSession session = ReviewSession.open(review, null)) {
                session.approveAll(approve != null ? approve : RowFilter.valid());
                session.rejectAll(RowFilter.pending(), "Fails validation");
            }
        }
        return file;
    }

    /** Approved and rejected counts of a review, as the ledger has them. */
    public static long approved(Path reviewFile) {
        try (Review review = Review.open(reviewFile)) {
            return review.ledger().counts().approved();
        }
    }

    /** Every concrete_mix row as text, ordered by key: what a rollback must restore exactly. */
    public List<String> mixes() throws SQLException {
        try (TargetDatabase db = choice.open()) {
            return TableText.rows(db.connection(), "SELECT * FROM concrete_mix ORDER BY mix_code");
        }
    }

    /** Runs one statement on the target, e.g. to change a row behind the steward's back. */
    public void execute(String sql) throws SQLException {
        try (TargetDatabase db = choice.open(); Statement s = db.connection().createStatement()) {
            s.execute(sql);
            Connection c = db.connection();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Stages the sample into review {@code name}, commits its approved rows into this target as one batch; its id. */
    public long committedBatch(String name) {
        Workbench workbench = new Workbench();
        workbench.targetProperty().set(choice);
        workbench.reviewProperty().set(review(name));
        CommitViewModel commit = new CommitViewModel(workbench, SyncTasks.runner(), new ScriptedDialogs(), "tester");
        commit.refresh();
        commit.modeProperty().set(ImportMode.INSERT);
        commit.commit();
        if (commit.stateProperty().get() != CommitState.COMMITTED) {
            throw new IllegalStateException("The sample was not committed: " + commit.problemProperty().get());
        }
        return commit.resultProperty().get().batchId();
    }

    @Override
    public void close() {
        if (choice.isEmbedded()) {
            if (previousHome == null) {
                System.clearProperty(SluiceHome.PROPERTY);
            } else {
                System.setProperty(SluiceHome.PROPERTY, previousHome);
            }
        }
    }
}
