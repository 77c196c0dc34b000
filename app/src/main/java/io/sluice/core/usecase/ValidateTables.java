package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Validates a workbook with a profile that maps it onto several related tables (version 2): every rule of every
 * target table runs on the rows each source row makes, references between the tables are checked against the
 * workbook's own parents and the target, and every finding names the table, sheet, row and cell it is about. A source
 * row with an error in any of its target rows is what an import leaves out.
 */
public final class ValidateTables {

    /**
     * What the validation found.
     *
     * @param file         the workbook's path as given
     * @param sha256       its SHA-256
     * @param profileName  the profile's name
     * @param profileLabel where the profile came from (a path), or null
     * @param profileSha   SHA-256 of the profile
     * @param target       the target database, as it is shown
     * @param summary      counts per table and per sheet
     * @param gates        the profile's gates measured (rejected rows: the source rows with errors)
     * @param unmapped     each sheet's columns the profile does not map, and those Sluice added when it sent rows
     *                     back, in the order the sheets are validated
     */
    public record Outcome(String file, String sha256, String profileName, String profileLabel, String profileSha,
                          String target, TablesSummary summary, List<GateResult> gates,
                          List<UnmappedColumns> unmapped) {

        /** Whether a blocking gate failed: an import of this workbook would be refused. */
        public boolean blocked() {
            return QualityGates.blocks(gates);
        }
    }

    private ValidateTables() {
    }

    /**
     * Runs the validation; {@code findings} (may be null) receives every finding on the calling thread. A cancel
     * through {@code progress} ends it with a {@link java.util.concurrent.CancellationException}.
     *
     * @param chosen reader options the steward chose (encoding, delimiter); each table's sheet and header row come
     *               from its part of the profile
     */
    public static Outcome run(Path file, SourceOptions chosen, Profile profile, String profileLabel,
                              TargetDatabase db, Consumer<TableFinding> findings, Progress progress) {
        Objects.requireNonNull(file, "file");
        refuseScoreGates(profile);
        Consumer<TableFinding> sink = findings == null ? f -> { } : findings;
        TablesSummary summary;
        List<UnmappedColumns> unmapped;
        try (WorkbookValidation validation = WorkbookValidation.prepare(file, part -> optionsOf(chosen, profile,
                part), profile, db)) {
            unmapped = validation.unmapped();
            summary = validation.run(sink, progress);
        }
        if (summary.rows() == 0) {
            throw SluiceException.input(file.getFileName() + " has no data rows below the headers of the sheets"
                    + " profile '" + profile.name() + "' reads, so there is nothing to validate.");
        }
        return new Outcome(file.toString(), Sources.sha256(file), profile.name(), profileLabel,
                ProfileIO.sha256(profile), db.displayUrl(), summary, gates(profile, summary), unmapped);
    }

    /** The gates of a profile onto several tables, measured on the source rows. */
    static List<GateResult> gates(Profile profile, TablesSummary summary) {
        return QualityGates.evaluate(profile.gates(), new GateMeasures(summary.rows(), summary.rowsWithErrors(),
                summary.rowsWithErrors(), null));
    }

    /**
     * Scores are not computed over several tables; a gate on them would never pass, so it is refused before the
     * workbook is read rather than blocking every import.
     */
    static void refuseScoreGates(Profile profile) {
        for (GateSpec gate : profile.gates()) {
            if (!"rejectedRows".equals(gate.metric())) {
                throw SluiceException.input("Profile '" + profile.name() + "' has a quality gate on "
                        + gate.metric() + ", which a profile onto several tables does not measure yet; use a"
                        + " gate on rejectedRows.");
            }
        }
    }

    /**
     * How one part's sheet is read: the part's sheet and header row; the steward may choose the encoding and the
     * delimiter, not the sheet (each table names its own).
     */
    static SourceOptions optionsOf(SourceOptions chosen, Profile profile, TableMapping part) {
        SourceOptions given = chosen == null ? SourceOptions.DEFAULTS : chosen;
        if (given.sheet() != null || given.headerRow() != null || given.noHeader()) {
            throw SluiceException.input("Profile '" + profile.name() + "' maps onto several tables and names the"
                    + " sheet and header row of each; leave out --sheet, --header-row and --no-header.");
        }
        return ReaderOptions.of(given, part.source());
    }
}
