package io.sluice.desktop.mapping;

import io.sluice.core.mapping.Mapper;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Suggester;
import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.RulesInForce;
import io.sluice.core.usecase.TargetTables;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mapping step's background work: reading the source's first rows and the target's tables, suggesting a
 * mapping, loading a profile against the target, and mapping the preview rows. Each call opens and closes its own
 * database connection, as a background task must.
 */
final class MappingSources {

    /** Up to this many tables, each is scored against the file to preselect the best match. */
    private static final int TABLES_SCORED = 20;

    /** What the grid is built from: the source's sample, the target's tables, the chosen table and a suggestion. */
    record Loaded(SourceSample sample, List<String> tables, TableInfo table, Suggestion suggestion) {
    }

    /**
     * A profile read from a file, the target table it names, and a sentence for each of its rules that can never be
     * computed on that table's columns.
     */
    record LoadedProfile(Profile profile, TableInfo table, List<String> ruleNotes) {
    }

    private MappingSources() {
    }

    /**
     * Reads the source's first rows and the target's tables; suggests a mapping onto {@code wanted} when the target
     * has it, else onto the table the file resembles most.
     */
    static Loaded load(Path file, SourceOptions options, TargetChoice target, String wanted, TaskContext ctx) {
        SourceSample read = SourceSample.read(file, options, ctx);
        ctx.message("Reading the tables of " + target.name());
        try (TargetDatabase db = target.open()) {
            List<String> names = TargetTables.names(db);
            String chosen = wanted != null && names.contains(wanted) ? wanted : bestTable(db, names, read);
            TableInfo info = chosen == null ? null : db.table(chosen);
            Suggestion suggestion = info == null ? null : suggest(read, info);
            return new Loaded(read, names, info, suggestion);
        }
    }

    /** Suggests a mapping of the sample onto another table of the target. */
    static Loaded onto(String table, SourceSample sample, TargetChoice target) {
        try (TargetDatabase db = target.open()) {
            TableInfo info = db.table(table);
            return new Loaded(sample, List.of(), info, suggest(sample, info));
        }
    }

    /** Reads a profile and describes the table it maps onto; a profile onto several tables comes without one. */
    static LoadedProfile profile(Path file, TargetChoice target) {
        Profile profile = ProfileIO.read(file);
        if (profile.mapsSeveralTables()) {
            return new LoadedProfile(profile, null, List.of());
        }
        try (TargetDatabase db = target.open()) {
            TableInfo table = db.table(profile.table());
            return new LoadedProfile(profile, table, RulesInForce.notes(profile, table));
        }
    }

    /** Maps the first {@code rows} sample rows as the profile says; conversion problems stay in the values. */
    static MappingPreview preview(Profile profile, SourceSample sample, TableInfo table, int rows) {
        Mapper mapper = Mapper.compile(profile, sample.columns(), table);
        List<MappingPreview.Row> mapped = new ArrayList<>();
        for (SourceRow row : sample.rows().subList(0, Math.min(rows, sample.rows().size()))) {
            MappedRow m = mapper.map(row);
            mapped.add(new MappingPreview.Row(m.sourceRow(), m.values()));
        }
        return new MappingPreview(mapper.targetColumns().stream().map(ColumnInfo::name).toList(), mapped);
    }

    private static Suggestion suggest(SourceSample sample, TableInfo table) {
        return new Suggester().analyse(sample.columns(), sample.cells(), table);
    }

    /** The table whose suggested mapping is the most confident in total; null when none resembles the file. */
    private static String bestTable(TargetDatabase db, List<String> names, SourceSample sample) {
        if (names.size() == 1) {
            return names.get(0);
        }
        String best = null;
        long bestScore = 0;
        for (String name : names.subList(0, Math.min(TABLES_SCORED, names.size()))) {
            Suggestion s = suggest(sample, db.table(name));
            long score = s.mappings().stream().mapToLong(m -> m.confidence() == null ? 0 : m.confidence()).sum();
            if (score > bestScore) {
                bestScore = score;
                best = name;
            }
        }
        return best;
    }
}
