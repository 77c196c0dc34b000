package io.sluice.cli;

import io.sluice.core.mapping.Suggester;
import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.SuggestTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code sluice suggest FILE --table T}: proposes a mapping profile, each mapping with a confidence and a reason. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Suggest how a file's columns map onto a target table (confidence 0-100 and the reason for "
                + "each) and save it as a profile to edit and reuse.")
final class SuggestCommand implements Callable<Integer> {

    private static final int SAMPLE_ROWS = 200;

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Option(names = "--table", required = true, paramLabel = "TABLE",
            description = "Target table; name several (--table A --table B ...) to map a workbook onto several "
                    + "tables, each from the sheet that matches it best, written as a version-2 profile.")
    List<String> tableNames;

    @Option(names = {"-o", "--output"}, paramLabel = "PROFILE.json", description = "Write the profile here.")
    Path output;

    @Option(names = "--name", paramLabel = "NAME", description = "Profile name (default: the file's name).")
    String name;

    @Option(names = "--force", description = "Overwrite an existing profile file.")
    boolean force;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: the mapping table; json: the profile on standard output.")
    OutputFormat format;

    @Mixin
    SourceOptionsMixin source;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOutput();
        if (tableNames.size() > 1) {
            return suggestTables();
        }
        String tableName = tableNames.get(0);
        SourceOptions options = source.toOptions();
        SourceInspection inspection = Sources.inspect(file, options);
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.open(); SourceTable table = Sources.open(file, options)) {
            TableInfo tableInfo = db.table(tableName);
            if (table.headerRow() <= 0) {
                throw new UsageException("There is no header row, so there are no column names to match; name it "
                        + "with --header-row N, or write the profile's mappings by hand.");
            }
            List<List<Cell>> samples = new ArrayList<>();
            SourceRow row;
            while (samples.size() < SAMPLE_ROWS && (row = table.next()) != null) {
                samples.add(row.cells());
            }
            Suggestion suggestion = new Suggester().analyse(table.columns(), samples, tableInfo);
            Profile profile = new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, profileName(),
                    sourceSettings(inspection, table), tableInfo.reference(), suggestion.mappings(), null, null,
                    Suggester.naturalKey(tableInfo, suggestion.mappings()), "insert", null);
            if (output != null) {
                ProfileIO.write(profile, output);
            }
            if (format == OutputFormat.json) {
                out.println(ProfileIO.toJson(profile));
            } else {
                print(out, table, tableInfo, suggestion);
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** A mapping per table, each from its best-matching sheet, written as one profile onto several tables. */
    private Integer suggestTables() {
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.open()) {
            SuggestTables.Outcome outcome = SuggestTables.run(file, source.toOptions(), tableNames, profileName(), db);
            if (output != null) {
                ProfileIO.write(outcome.profile(), output);
            }
            if (format == OutputFormat.json) {
                out.println(ProfileIO.toJson(outcome.profile()));
                out.flush();
                return SluiceCommand.OK;
            }
            for (SuggestTables.TableSuggestion t : outcome.tables()) {
                String where = t.sheet() == null ? "CSV" : "sheet '" + t.sheet() + "'";
                out.printf("%s (%s, header row %d) -> %s%n", file.getFileName(), where, t.headerRow(), t.table());
                TextTable mappings = new TextTable("SOURCE", "TARGET", "CONFIDENCE", "REASON");
                for (ColumnMapping m : t.suggestion().mappings()) {
                    mappings.add(m.source() != null ? m.source() : String.join(" + ", m.sourceColumns()), m.target(),
                            m.confidence() == null ? "" : String.valueOf(m.confidence()), m.reason());
                }
                if (t.suggestion().mappings().isEmpty()) {
                    out.println("No column of that sheet resembles a column of " + t.table() + ".");
                } else {
                    mappings.print(out);
                }
                if (!t.suggestion().missingRequired().isEmpty()) {
                    out.println("Nothing fills these required columns yet: " + String.join(", ",
                            t.suggestion().missingRequired().stream().map(ColumnInfo::name).toList())
                            + " (an unpivot, a reference or a constant may).");
                }
                out.println();
            }
            out.println("Unpivots (one row per non-blank cell of a set of columns) are not suggested: add them to the"
                    + " table's part of the profile, with its references, before validating.");
            out.println(output != null ? "Profile written to " + output
                    : "Nothing saved: add -o PROFILE.json to write the profile.");
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** Refuses a profile path that cannot be written before any work is done. */
    private void checkOutput() {
        if (output == null) {
            return;
        }
        if (Files.isDirectory(output)) {
            throw new UsageException(output + " is a folder; give --output the profile's file name, e.g. "
                    + output.resolve(profileName() + ".profile.json") + ".");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException("The folder " + folder + " for the profile does not exist.");
        }
        if (Files.exists(output) && !force) {
            throw new UsageException(output + " already exists; use --force to overwrite it.");
        }
        ProfileIO.requireReplaceable(output);
    }

    private String profileName() {
        if (name != null) {
            return name;
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Records how the file was read, so that replaying the profile reads the next file the same way. */
    private static SourceSettings sourceSettings(SourceInspection inspection, SourceTable table) {
        boolean csv = table.format() == SourceFormat.CSV;
        return new SourceSettings(csv ? null : table.sheet(), table.headerRow() > 0 ? (int) table.headerRow() : null,
                csv ? inspection.encoding() : null,
                csv && inspection.delimiter() != null ? String.valueOf(inspection.delimiter()) : null);
    }

    private void print(PrintWriter out, SourceTable table, TableInfo tableInfo, Suggestion suggestion) {
        String where = table.format() == SourceFormat.CSV ? "CSV" : "sheet '" + table.sheet() + "'";
        String header = table.headerRow() > 0 ? "header row " + table.headerRow() : "no header row";
        out.printf("%s (%s, %s) -> %s%n%n", file.getFileName(), where, header, tableInfo.qualifiedName());
        TextTable mappings = new TextTable("SOURCE", "TARGET", "CONFIDENCE", "TRANSFORMS", "REASON");
        for (ColumnMapping m : suggestion.mappings()) {
            mappings.add(m.source() != null ? m.source() : String.join(" + ", m.sourceColumns()), m.target(),
                    m.confidence() == null ? "" : String.valueOf(m.confidence()),
                    m.transforms().stream().map(SuggestCommand::describe).collect(Collectors.joining(", ")),
                    m.reason());
        }
        if (suggestion.mappings().isEmpty()) {
            out.println("No column of " + file.getFileName() + " resembles a column of " + tableInfo.qualifiedName()
                    + ".");
        } else {
            mappings.print(out);
        }
        if (!suggestion.unmapped().isEmpty()) {
            out.println();
            out.println("Not mapped:");
            suggestion.unmapped().forEach(u -> out.println("  - " + u.source() + ": " + u.reason()));
        }
        if (!suggestion.missingRequired().isEmpty()) {
            out.println();
            out.println("Warning: nothing fills these required columns; map a source column or a constant to them "
                    + "before validating:");
            for (ColumnInfo c : suggestion.missingRequired()) {
                out.println("  - " + c.name() + " (" + c.typeName() + ", NOT NULL)");
            }
        }
        out.println();
        long low = suggestion.mappings().stream()
                .filter(m -> m.confidence() != null && m.confidence() < 70).count();
        if (low > 0) {
            out.println(low + " mapping(s) below 70% confidence: check them before use.");
        }
        out.println(output != null ? "Profile written to " + output
                : "Nothing saved: add -o PROFILE.json to write the profile.");
    }

    private static String describe(TransformSpec t) {
        if (t.values() != null && !t.values().isEmpty()) {
            return t.op() + " " + String.join("|", t.values());
        }
        if (t.patterns() != null && !t.patterns().isEmpty()) {
            return t.op() + " " + String.join("|", t.patterns());
        }
        if (t.decimal() != null) {
            return t.op() + " decimal '" + t.decimal() + "'";
        }
        return t.op();
    }
}
