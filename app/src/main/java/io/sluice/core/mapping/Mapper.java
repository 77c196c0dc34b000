package io.sluice.core.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns source rows into typed values for the target table, as a profile says. Compile once per file (checks that the
 * profile fits the file and the table, precompiles every transform), then call {@link #map(SourceRow)} per row;
 * conversion failures are reported in {@link MappedValue#error()}, not thrown. Thread-safe once compiled.
 */
public final class Mapper {

    private final List<ColumnInfo> targetColumns;
    private final List<String> targets;
    private final MappedRow.Layout layout;
    private final ColumnPlan[] plans;

    private Mapper(List<ColumnPlan> plans) {
        this.plans = plans.toArray(new ColumnPlan[0]);
        List<ColumnInfo> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        String[] sourceNames = new String[this.plans.length];
        int[] sourceIndexes = new int[this.plans.length];
        for (int i = 0; i < this.plans.length; i++) {
            ColumnPlan plan = this.plans[i];
            ColumnInfo c = plan.column();
            columns.add(c);
            names.add(c.name());
            byName.put(c.name(), i);
            byName.putIfAbsent(key(c.name()), i);
            sourceNames[i] = plan.constant() == null ? plan.sourceName() : null;
            sourceIndexes[i] = plan.constant() == null ? plan.sources()[0] : -1;
        }
        this.targetColumns = List.copyOf(columns);
        this.targets = List.copyOf(names);
        this.layout = new MappedRow.Layout(targets, targets.toArray(new String[0]), Map.copyOf(byName), sourceNames,
                sourceIndexes);
    }

    /**
     * Checks the profile against the file's columns and the table, and compiles it.
     *
     * @throws SluiceException (input) naming the first problem: an invalid profile, a source column the file lacks
     *                         (with the file's columns), a target column the table lacks, a target mapped twice
     */
    public static Mapper compile(Profile profile, List<String> sourceColumns, TableInfo table) {
        String where = "Profile '" + (profile.name() == null ? "unnamed" : profile.name()) + "'";
        ProfileProblem problem = ProfileValidator.firstProblem(profile);
        if (problem != null) {
            throw SluiceException.input(where + ": " + problem.message() + ".");
        }
        // each part of a profile onto several tables is mapped by its own Mapper (core.tables.TableExpansion)
        profile.requireOneTable();
        String[] nullMarkers = Transforms.trimmed(profile.nullMarkers());
        // columns by name, as the catalog names them: a record's own hashCode and equals are bootstrapped through
        // method handles on first use, some 50 generated classes in every validation's opening
        requireSources(profile, sourceColumns, where);
        Map<String, ColumnMapping> seen = new HashMap<>();
        List<ColumnPlan> plans = new ArrayList<>();
        for (ColumnMapping m : profile.columns()) {
            ColumnInfo column = table.column(m.target()).orElseThrow(() -> SluiceException.input(where + " maps to"
                    + " column '" + m.target() + "', which table " + table.qualifiedName() + " does not have (its"
                    + " columns: " + String.join(", ", table.columns().stream().map(ColumnInfo::name).toList())
                    + ")."));
            if (seen.put(column.name(), m) != null) {
                throw SluiceException.input(where + " maps column " + column.name() + " twice.");
            }
            int[] sources = new int[m.sourceColumns().size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = sourceIndex(m.sourceColumns().get(i), sourceColumns, where);
            }
            plans.add(ColumnPlan.compile(m, column, sources, sourceColumns, nullMarkers,
                    where + ", column " + column.name()));
        }
        if (profile.legacyId() != null) {
            sourceIndex(profile.legacyId(), sourceColumns, where + " (legacy id)");
        }
        Map<String, Integer> order = new HashMap<>();
        for (ColumnInfo column : table.columns()) {
            order.put(column.name(), order.size());
        }
        plans.sort(Comparator.comparingInt(p -> order.get(p.column().name())));
        return new Mapper(plans);
    }

    /** The mapped target columns, in table order. */
    public List<ColumnInfo> targetColumns() {
        return targetColumns;
    }

    /**
     * The target columns whose mapped value is made from source column {@code sourceColumn} (several when it feeds
     * several targets or is joined with others into one); a constant reads no source column, and transforms read only
     * the value they are given.
     */
    public List<String> targetsReading(int sourceColumn) {
        List<String> reading = new ArrayList<>();
        for (ColumnPlan plan : plans) {
            if (plan.constant() == null && Arrays.stream(plan.sources()).anyMatch(s -> s == sourceColumn)) {
                reading.add(plan.column().name());
            }
        }
        return reading;
    }

    /** The source columns (0-based) the target columns with these names (any case) are mapped from. */
    public Set<Integer> sourcesOf(Collection<String> targetNames) {
        Set<String> wanted = new HashSet<>();
        targetNames.forEach(name -> wanted.add(key(name)));
        Set<Integer> sources = new TreeSet<>();
        for (ColumnPlan plan : plans) {
            if (plan.constant() == null && wanted.contains(key(plan.column().name()))) {
                Arrays.stream(plan.sources()).forEach(sources::add);
            }
        }
        return sources;
    }

    /** Maps one row; never throws for bad cell values. */
    public MappedRow map(SourceRow row) {
        int n = plans.length;
        Object[] values = new Object[n];
        String[] texts = new String[n];
        String[] errors = null;
        Working w = new Working("", null);
        for (int i = 0; i < n; i++) {
            values[i] = plans[i].map(row, w);
            texts[i] = w.text;
            if (w.error != null) {
                if (errors == null) {
                    errors = new String[n];
                }
                errors[i] = w.error;
            }
        }
        return new MappedRow(row.number(), layout, values, texts, errors, null);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Index of a source column: exact header first, then ignoring case and surrounding spaces. */
    static int sourceIndex(String name, List<String> sourceColumns, String where) {
        int found = find(name, sourceColumns);
        if (found >= 0) {
            return found;
        }
        String separator = sourceColumns.size() == 1 && sourceColumns.get(0) != null
                ? likelySeparator(sourceColumns.get(0)) : null;
        if (separator != null) {
            // one header holding the whole header line is a delimiter mistake, not a missing column
            throw SluiceException.input(where + " needs source column '" + name + "', but the file was read as a"
                    + " single column whose header holds " + separator + ", so it looks separated by " + separator
                    + ": read it with that delimiter (the profile's \"delimiter\" under \"source\", --delimiter on the"
                    + " command line, or Delimiter on the desktop's Source step).");
        }
        throw SluiceException.input(where + " needs source column '" + name + "', which the file does not have (its"
                + " columns: " + String.join(", ", sourceColumns) + ").");
    }

    /**
     * Refuses a file that lacks any source column the profile reads, naming every one at once, so that the next
     * file's renamed and missing columns are mended in one go; a header row holding none of them is the wrong row.
     */
    private static void requireSources(Profile profile, List<String> sourceColumns, String where) {
        requireSources(UnmappedColumns.read(profile), sourceColumns, where, "the file");
    }

    /**
     * Refuses a sheet that lacks two or more of the source columns {@code wanted}, naming every one at once (one
     * missing, or a delimiter mistake, is left to the sentence that reads the column).
     *
     * @param where what needs them ("Profile 'lab'")
     * @param what  what lacks them ("the file", "sheet Mixes")
     */
    public static void requireSources(Collection<String> wanted, List<String> sourceColumns, String where,
                                      String what) {
        Set<String> distinct = new java.util.LinkedHashSet<>(wanted);
        List<String> missing = new ArrayList<>();
        for (String name : distinct) {
            if (find(name, sourceColumns) < 0) {
                missing.add(name);
            }
        }
        boolean oneHeader = sourceColumns.size() == 1 && sourceColumns.get(0) != null;
        if (missing.size() < 2 || oneHeader && likelySeparator(sourceColumns.get(0)) != null) {
            return; // none, or one, or a delimiter mistake: sourceIndex says so in its own sentence
        }
        String names = quotedList(missing);
        if (missing.size() == distinct.size()) {
            throw SluiceException.input(where + " needs source columns " + names + ", but the header row it was read"
                    + " with holds none of them (it holds: " + String.join(", ", sourceColumns) + "): if the header"
                    + " lies further down, give its row (the profile's \"headerRow\" under \"source\", --header-row"
                    + " on the command line, or Header row on the desktop's Source step).");
        }
        throw SluiceException.input(where + " needs source columns " + names + ", which " + what + " does not have"
                + " (its columns: " + String.join(", ", sourceColumns) + ").");
    }

    /** 'A', 'B' and 'C'. */
    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return quoted.size() == 1 ? quoted.get(0) : String.join(", ", quoted.subList(0, quoted.size() - 1))
                + " and " + quoted.get(quoted.size() - 1);
    }

    /** Index of a source column: exact header first, then ignoring case and surrounding spaces; -1 when none. */
    static int find(String name, List<String> sourceColumns) {
        int exact = sourceColumns.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        String wanted = name.strip();
        for (int i = 0; i < sourceColumns.size(); i++) {
            if (sourceColumns.get(i) != null && sourceColumns.get(i).strip().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The delimiter a lone header seems to be split by, in words, or null when it holds none. */
    private static String likelySeparator(String header) {
        for (String candidate : new String[] {";", ",", "|"}) {
            if (header.contains(candidate)) {
                return "'" + candidate + "'";
            }
        }
        return header.contains("\t") ? "tabs" : null;
    }

    /** Everything needed to fill one target column, compiled once. */
    private record ColumnPlan(ColumnInfo column, int[] sources, String sourceName, String separator,
                              MappedValue constant, String[] nullMarkers, Transform[] steps,
                              TypeConverter converter) {

        static ColumnPlan compile(ColumnMapping m, ColumnInfo column, int[] sources, List<String> sourceColumns,
                                  String[] nullMarkers, String where) {
            Transform[] steps = new Transform[m.transforms().size()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = Transforms.compile(m.transforms().get(i), where);
            }
            TypeConverter converter = new TypeConverter(column);
            List<String> names = new ArrayList<>();
            for (int s : sources) {
                names.add(sourceColumns.get(s));
            }
            String separator = m.separator() == null ? " " : m.separator();
            ColumnPlan plan = new ColumnPlan(column, sources, String.join(" + ", names), separator, null,
                    nullMarkers, steps, converter);
            if (m.constant() == null) {
                return plan;
            }
            // A constant gives the same value on every row: compute it once.
            Working w = new Working(m.constant(), null);
            Object value = plan.finish(w);
            MappedValue constant = MappedValue.at(value, w.text, null, -1, 0, w.error);
            return new ColumnPlan(column, sources, null, separator, constant, nullMarkers, steps, converter);
        }

        /**
         * The typed value of this column in {@code row}, worked out in {@code w} (reset here, whatever it held),
         * which is left holding the value's text and error.
         */
        Object map(SourceRow row, Working w) {
            if (constant != null) {
                w.reset(constant.text(), null);
                w.error = constant.error();
                return constant.value();
            }
            if (sources.length == 1) {
                Cell cell = row.cell(sources[0]);
                if (Transforms.isMarker(cell.text(), nullMarkers)) {
                    w.reset("", null);
                } else {
                    w.reset(cell.text(), typedValue(cell));
                }
            } else {
                w.reset(concat(row), null);
            }
            return finish(w);
        }

        private String concat(SourceRow row) {
            StringBuilder b = new StringBuilder();
            for (int s : sources) {
                String text = row.cell(s).text();
                if (!text.isBlank() && !Transforms.isMarker(text, nullMarkers)) {
                    if (b.length() > 0) {
                        b.append(separator);
                    }
                    b.append(text);
                }
            }
            return b.toString();
        }

        /** Runs the transforms and the type conversion: the typed value, or null with {@code w.error} set. */
        private Object finish(Working w) {
            for (Transform step : steps) {
                step.apply(w);
                if (w.error != null) {
                    return null;
                }
            }
            return converter.convert(w);
        }

        private static Object typedValue(Cell cell) {
            CellType t = cell.type();
            return t == CellType.NUMBER || t == CellType.DATE || t == CellType.DATETIME || t == CellType.BOOLEAN
                    ? cell.value() : null;
        }
    }

    @Override
    public String toString() {
        return "Mapper" + targets;
    }
}
