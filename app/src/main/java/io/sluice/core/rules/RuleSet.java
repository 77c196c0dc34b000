package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.DatabaseCheckEvaluator;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.PartitionBounds;
import io.sluice.core.database.ServerReadEvaluator;
import io.sluice.core.database.ServerReadTypes;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * All rules that apply to one profile on one target table: those derived from the table's own constraints
 * (required, type, length, precision, unique, foreign keys, CHECKs) and the profile's rules. Build it once per run;
 * it keeps state (keys seen so far), so use one instance per pass over a file.
 */
public final class RuleSet {

    private final List<RowRule> rowRules;
    private final List<ChunkRule> chunkRules;
    /** The same rules as arrays: the per-row loop over them makes no iterator. */
    private final RowRule[] rowRuleArray;
    private final ChunkRule[] chunkRuleArray;
    private final List<String> naturalKey;
    private final Set<String> uniquenessRules = new HashSet<>();
    /** Whether a rule judges a row by the earlier rows the import will write ({@link SelfReferenceRule}). */
    private final boolean judgesByEarlierRows;
    private final List<RuleInfo> described;

    private RuleSet(List<RowRule> rowRules, List<ChunkRule> chunkRules, List<String> naturalKey,
                    List<RuleInfo> described) {
        this.described = List.copyOf(described);
        this.rowRules = List.copyOf(rowRules);
        this.chunkRules = List.copyOf(chunkRules);
        this.rowRuleArray = this.rowRules.toArray(new RowRule[0]);
        this.chunkRuleArray = this.chunkRules.toArray(new ChunkRule[0]);
        this.naturalKey = List.copyOf(naturalKey);
        for (ChunkRule rule : chunkRules) {
            if (rule instanceof UniqueInFileRule unique) {
                uniquenessRules.add(unique.id());
            }
        }
        this.judgesByEarlierRows = chunkRules.stream().anyMatch(r -> r instanceof SelfReferenceRule);
    }

    /**
     * Builds the rules.
     *
     * @param mapped the target columns the profile maps, in table order
     * @param db     the target database, asked for foreign keys, lookups, existing keys and complex CHECKs
     */
    public static RuleSet build(Profile profile, TableInfo table, List<ColumnInfo> mapped, TargetDatabase db) {
        return new Builder(profile, table, mapped, db).build();
    }

    /**
     * Only the profile's rules whose ids are in {@code ids}, none derived from the target: what a rule applied to a
     * review runs, so that the other rules' findings need not be computed again.
     */
    public static RuleSet profileRulesOnly(Profile profile, TableInfo table, List<ColumnInfo> mapped,
                                           TargetDatabase db, Set<String> ids) {
        return new Builder(profile, table, mapped, db).buildProfileRules(ids);
    }

    /** The id a profile rule's findings carry: its own id, else its type and column (e.g. range:cement_kg). */
    public static String idOf(RuleSpec spec) {
        String type = spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
        return spec.id() != null ? spec.id() : spec.column() != null ? type + ":" + spec.column() : type;
    }

    /** Target columns identifying a row: the profile's natural key, else the table's primary key. */
    public List<String> naturalKey() {
        return naturalKey;
    }

    /**
     * Every rule that runs, as a steward reads it: first those derived from the target (required, type, length,
     * precision, scale, integer range per column, each CHECK, the keys, the foreign keys), then the profile's own.
     */
    public List<RuleInfo> described() {
        return described;
    }

    /** Ids of the rules whose findings mean "this row repeats a key of an earlier row". */
    public Set<String> uniquenessRules() {
        return Set.copyOf(uniquenessRules);
    }

    /**
     * Ids of the rules that judge a row by the earlier rows of the file (uniqueness within the file, a parent on an
     * earlier row): {@link #withoutUniqueness()} leaves them out, as one row alone cannot be judged that way.
     */
    public Set<String> fileWideRules() {
        Set<String> ids = new HashSet<>(uniquenessRules);
        if (judgesByEarlierRows) {
            ids.add(SelfReferenceRule.ID);
        }
        return Set.copyOf(ids);
    }

    /**
     * The same rules without those that judge a row against the earlier rows of the file (unique within the file):
     * for checking edited rows again, which cannot be judged that way one at a time. The rules left are the same
     * instances; {@link #uniquenessRules()} still names the rules left out.
     */
    public RuleSet withoutUniqueness() {
        RuleSet rules = new RuleSet(rowRules, chunkRules.stream().filter(r -> !(r instanceof UniqueInFileRule
                || r instanceof SelfReferenceRule)).toList(), naturalKey, described);
        rules.uniquenessRules.addAll(uniquenessRules);
        return rules;
    }

    /**
     * The rules whose findings may change when the values of these target columns change, for re-checking rows a
     * value fix changed: each rule reading one of them or whose columns are not known, and every rule reporting an
     * id one of those reports (rules share ids, e.g. {@code required} or {@code fk}), so that the rules left out
     * report none of the ids of those kept. The rules kept are the same instances; {@link #uniquenessRules()} still
     * names the uniqueness rules of this set.
     */
    public RuleSet readingTargets(Collection<String> changedTargets) {
        Set<String> changed = RuleReach.lowerCase(changedTargets);
        List<RuleReach> reaches = new ArrayList<>();
        rowRules.forEach(r -> reaches.add(r.reach()));
        chunkRules.forEach(r -> reaches.add(r.reach()));
        Set<String> ids = new HashSet<>();
        for (RuleReach reach : reaches) {
            if (reach.reads(changed)) {
                ids.addAll(reach.ids());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RuleReach reach : reaches) {
                if (!Collections.disjoint(reach.ids(), ids) && ids.addAll(reach.ids())) {
                    grew = true;
                }
            }
        }
        RuleSet rules = new RuleSet(rowRules.stream().filter(r -> !Collections.disjoint(r.reach().ids(), ids))
                .toList(), chunkRules.stream().filter(r -> !Collections.disjoint(r.reach().ids(), ids)).toList(),
                naturalKey, described);
        rules.uniquenessRules.clear();
        rules.uniquenessRules.addAll(uniquenessRules);
        return rules;
    }

    /**
     * The target columns (lower case) the rules of this set read, or null when one of them may read any value of
     * the row: a pass of only these rules needs only these columns' values.
     */
    public Set<String> readColumns() {
        Set<String> columns = new HashSet<>();
        List<RuleReach> reaches = new ArrayList<>();
        rowRules.forEach(r -> reaches.add(r.reach()));
        chunkRules.forEach(r -> reaches.add(r.reach()));
        for (RuleReach reach : reaches) {
            if (reach.columns() == null) {
                return null;
            }
            columns.addAll(reach.columns());
        }
        return columns;
    }

    /** The ids of the findings the rules of this set report (those of rules left out of it not included). */
    public Set<String> reportedIds() {
        Set<String> ids = new HashSet<>();
        rowRules.forEach(r -> ids.addAll(r.reach().ids()));
        chunkRules.forEach(r -> ids.addAll(r.reach().ids()));
        return ids;
    }

    /** Runs every rule over a chunk of rows (in source order) and reports the findings. */
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        if (!judgesByEarlierRows) {
            checkRows(chunk, findings);
            checkChunk(chunk, findings, row -> false);
            return;
        }
        Set<Long> inError = new HashSet<>();
        Consumer<Finding> noting = noting(findings, inError);
        checkRows(chunk, noting);
        checkChunk(chunk, noting, inError::contains);
    }

    /**
     * The rules that look at one row at a time: pure computation, safe to run on another thread than
     * {@link #checkChunk}, but always on the same one.
     */
    public void checkRows(List<MappedRow> chunk, Consumer<Finding> findings) {
        RowRule[] rules = rowRuleArray;
        for (int r = 0; r < chunk.size(); r++) {
            MappedRow row = chunk.get(r);
            for (RowRule rule : rules) {
                rule.check(row, findings);
            }
        }
    }

    /**
     * The rules that ask the database or remember earlier rows; chunks must arrive in source order.
     *
     * @param inError whether a row of the chunk already has an error finding (of the row rules, or of the file's
     *                reading): a row with errors is not imported, so it is no parent of later rows
     */
    public void checkChunk(List<MappedRow> chunk, Consumer<Finding> findings, LongPredicate inError) {
        if (!judgesByEarlierRows) {
            for (ChunkRule rule : chunkRuleArray) {
                rule.check(chunk, findings);
            }
            return;
        }
        Set<Long> found = new HashSet<>();
        Consumer<Finding> noting = noting(findings, found);
        // the rules judging by earlier rows come last, so that they know every other error of the chunk's rows
        for (ChunkRule rule : chunkRuleArray) {
            if (!(rule instanceof SelfReferenceRule)) {
                rule.check(chunk, noting);
            }
        }
        for (ChunkRule rule : chunkRuleArray) {
            if (rule instanceof SelfReferenceRule self) {
                self.check(chunk, noting, row -> found.contains(row) || inError.test(row));
            }
        }
    }

    /**
     * Fresh copies of the rules that judge a row by the earlier rows the import will write (a foreign key of the
     * table to itself), remembering no row yet, for a pass over the whole file; empty when the table has none.
     */
    public Optional<RuleSet> selfReferences() {
        if (!judgesByEarlierRows) {
            return Optional.empty();
        }
        List<ChunkRule> fresh = new ArrayList<>();
        for (ChunkRule rule : chunkRuleArray) {
            if (rule instanceof SelfReferenceRule self) {
                fresh.add(self.fresh());
            }
        }
        return Optional.of(new RuleSet(List.of(), fresh, naturalKey, described));
    }

    /**
     * Runs the rules judging a row by the earlier rows (see {@link #selfReferences()}) over a chunk, in source order,
     * a row being a parent of later rows only if the import will write it.
     *
     * @param inError    whether a row has an error finding of another rule
     * @param decidedOut whether the steward's decisions keep a row out of the import
     * @param why        how a finding names a row kept out by its decision ("is rejected")
     */
    public void checkSelfReferences(List<MappedRow> chunk, Consumer<Finding> findings, LongPredicate inError,
                                    LongPredicate decidedOut, String why) {
        for (ChunkRule rule : chunkRuleArray) {
            if (rule instanceof SelfReferenceRule self) {
                self.check(chunk, findings, inError, decidedOut, why);
            }
        }
    }

    /** Passes findings on, and notes the rows an error finding is about. */
    private static Consumer<Finding> noting(Consumer<Finding> findings, Set<Long> inError) {
        return f -> {
            if (f.severity() == Severity.ERROR) {
                inError.add(f.row());
            }
            findings.accept(f);
        };
    }

    private static final class Builder {
        private final Profile profile;
        private final TableInfo table;
        private final TargetDatabase db;
        private final Map<String, String> mappedByLowerName = new LinkedHashMap<>();
        private final ProfileRowRules profileRules;
        private final List<RowRule> rowRules = new ArrayList<>();
        private final List<ChunkRule> chunkRules = new ArrayList<>();
        private final List<RuleInfo> described = new ArrayList<>();

        Builder(Profile profile, TableInfo table, List<ColumnInfo> mapped, TargetDatabase db) {
            this.profile = profile;
            this.table = table;
            this.db = db;
            for (ColumnInfo c : mapped) {
                mappedByLowerName.put(c.name().toLowerCase(Locale.ROOT), c.name());
            }
            this.profileRules = new ProfileRowRules(profile.name(), List.copyOf(mappedByLowerName.values()));
        }

        RuleSet build() {
            List<String> naturalKey = naturalKey();
            deriveColumnRules();
            deriveCheckRules();
            deriveTargetReadRule();
            derivePartitionRule();
            deriveKeyRules(naturalKey);
            for (int i = 0; i < profile.rules().size(); i++) {
                addProfileRule(profile.rules().get(i), i);
            }
            return new RuleSet(rowRules, chunkRules, naturalKey, described);
        }

        RuleSet buildProfileRules(Set<String> ids) {
            List<String> naturalKey = naturalKey();
            for (int i = 0; i < profile.rules().size(); i++) {
                if (ids.contains(idOf(profile.rules().get(i)))) {
                    addProfileRule(profile.rules().get(i), i);
                }
            }
            return new RuleSet(rowRules, chunkRules, naturalKey, described);
        }

        private List<String> naturalKey() {
            List<String> declared = profile.naturalKey().isEmpty() ? table.primaryKey() : profile.naturalKey();
            List<String> key = new ArrayList<>();
            for (String name : declared) {
                key.add(table.column(name).map(ColumnInfo::name).orElseThrow(() -> SluiceException.input(
                        "The natural key of profile '" + profile.name() + "' names '" + name + "', which is not a "
                                + "column of " + table.qualifiedName() + ".")));
            }
            return key;
        }

        private void deriveColumnRules() {
            rowRules.add(new ConversionRule());
            for (ColumnInfo column : table.columns()) {
                boolean isMapped = mappedByLowerName.containsKey(column.name().toLowerCase(Locale.ROOT));
                if (!isMapped) {
                    if (!column.optional()) {
                        throw SluiceException.input("Profile '" + profile.name() + "' maps nothing to "
                                + table.name() + "." + column.name() + ", which is NOT NULL without a default: map a "
                                + "source column or a constant to it.");
                    }
                    continue;
                }
                if (!column.optional()) {
                    rowRules.add(new RequiredRule("required", column.name(), Severity.ERROR, null, null));
                    fromTarget("required", "required", column.name(), Severity.ERROR, "must have a value (NOT NULL "
                            + "without a default)");
                }
                fromTarget(ConversionRule.ID, "type", column.name(), Severity.ERROR, "must convert to "
                        + column.typeName());
                if (column.length() != null && isText(column)) {
                    rowRules.add(new LengthRule(column.name(), column.length()));
                    fromTarget(LengthRule.ID, "length", column.name(), Severity.ERROR, "at most " + column.length()
                            + " characters");
                } else if (column.length() != null && db.dialect() == Dialect.H2 && isBinary(column)) {
                    rowRules.add(new LengthRule(column.name(), column.length(), true));
                    fromTarget(LengthRule.ID, "length", column.name(), Severity.ERROR, "at most " + column.length()
                            + " bytes (H2 stores a text's UTF-8 bytes)");
                }
                NumericRule numeric = NumericRule.forColumn(column);
                if (numeric != null) {
                    rowRules.add(numeric);
                    describeNumeric(column);
                }
            }
        }

        /** Intervals, bytea and arrays, whose text the target itself judges (decision 0080). */
        private void deriveTargetReadRule() {
            List<ServerReadTypes.Judged> judged;
            try {
                judged = ServerReadTypes.of(db.connection(), db.dialect(), table);
            } catch (SQLException e) {
                throw SluiceException.target("Could not read the declared types of " + table.qualifiedName()
                        + ": " + e.getMessage(), e);
            }
            Map<String, ServerReadTypes.Judged> mapped = new LinkedHashMap<>();
            for (ServerReadTypes.Judged j : judged) {
                String target = mappedByLowerName.get(j.column().name().toLowerCase(Locale.ROOT));
                if (target != null) {
                    mapped.put(target, j);
                    // said better here than "must convert to _int4"
                    described.removeIf(r -> r.id().equals(ConversionRule.ID)
                            && r.columns().equals(List.of(j.column().name())));
                    fromTarget(TargetReadRule.ID, "type", j.column().name(), Severity.ERROR,
                            TargetReadRule.description(j));
                }
            }
            if (!mapped.isEmpty()) {
                chunkRules.add(new TargetReadRule(new ServerReadEvaluator(db), db.dialect(), mapped));
            }
        }

        /**
         * A row of a partitioned table must fit a partition. When the bounds read a column the profile leaves out and
         * the database fills (a default, an identity), the value the row will have is not known here: no rule.
         */
        private void derivePartitionRule() {
            Optional<PartitionBounds> bounds;
            try {
                bounds = PartitionBounds.of(db.connection(), db.dialect(), table);
            } catch (SQLException e) {
                throw SluiceException.target("Could not read the partitions of " + table.qualifiedName() + ": "
                        + e.getMessage(), e);
            }
            if (bounds.isEmpty()) {
                return;
            }
            CheckConstraint constraint = bounds.get().asConstraint();
            List<ColumnInfo> read = DatabaseCheckEvaluator.referencedColumns(table, List.of(constraint));
            List<String> targets = new ArrayList<>();
            for (ColumnInfo column : read) {
                String target = mappedByLowerName.get(column.name().toLowerCase(Locale.ROOT));
                if (target == null && (column.defaultValue() != null || column.generated())) {
                    return;
                }
                if (target != null) {
                    targets.add(target);
                }
            }
            chunkRules.add(new PartitionRule(table.qualifiedName(), bounds.get(),
                    DatabaseCheckEvaluator.ofPartitions(db, table, constraint), targets));
            described.add(new RuleInfo(PartitionRule.ID, "partition", targets, Severity.ERROR, "fits a partition of "
                    + table.qualifiedName() + " (" + bounds.get().key() + ")", RuleInfo.Origin.TARGET, -1));
        }

        private void deriveCheckRules() {
            CheckRules.derive(table, mappedByLowerName, db, rowRules, chunkRules, described);
        }

        private void describeNumeric(ColumnInfo column) {
            if (column.precision() != null && switch (column.type()) {
                case NUMERIC, DECIMAL -> true;
                default -> false;
            }) {
                int scale = column.scale() == null ? 0 : column.scale();
                fromTarget(NumericRule.PRECISION, "precision", column.name(), Severity.ERROR, "at most "
                        + digits(column.precision() - scale) + " before the decimal point");
                fromTarget(NumericRule.SCALE, "scale", column.name(), Severity.WARNING, "at most " + digits(scale)
                        + " after the decimal point (the database would round)");
            } else {
                fromTarget(NumericRule.RANGE, "integer-range", column.name(), Severity.ERROR, "a whole number "
                        + "within the range of " + column.typeName());
            }
        }

        private static String digits(int n) {
            return n + (n == 1 ? " digit" : " digits");
        }

        private void fromTarget(String id, String kind, String column, Severity severity, String description) {
            described.add(new RuleInfo(id, kind, List.of(column), severity, description, RuleInfo.Origin.TARGET,
                    -1));
        }

        private void deriveKeyRules(List<String> naturalKey) {
            List<List<String>> keys = new ArrayList<>();
            if (!naturalKey.isEmpty()) {
                keys.add(naturalKey);
            }
            if (!table.primaryKey().isEmpty() && !sameColumns(table.primaryKey(), naturalKey)) {
                keys.add(table.primaryKey());
            }
            for (List<String> unique : table.uniqueKeys()) {
                if (keys.stream().noneMatch(k -> sameColumns(k, unique))) {
                    keys.add(unique);
                }
            }
            String mode = profile.commitMode().toLowerCase(Locale.ROOT);
            for (List<String> key : keys) {
                List<String> targets = mappedNames(key);
                if (targets == null) {
                    continue;
                }
                if (!uniqueInProfile(targets)) {
                    chunkRules.add(new UniqueInFileRule("duplicate-key", targets, Severity.ERROR, null));
                    described.add(new RuleInfo("duplicate-key", "duplicate-key", targets, Severity.ERROR,
                            "unique within the file (" + keyKind(key, naturalKey) + ")", RuleInfo.Origin.TARGET, -1));
                }
                boolean isNatural = sameColumns(key, naturalKey);
                if (isNatural && mode.equals("upsert")) {
                    continue; // existing rows are updated, not a conflict
                }
                boolean skip = isNatural && mode.equals("skip-existing");
                List<String> naturalTargets = isNatural ? null : mappedNames(naturalKey);
                ExistingKeyRule.Exemption exemption = naturalTargets == null || naturalTargets.isEmpty()
                        ? ExistingKeyRule.Exemption.NONE : switch (mode) {
                            case "skip-existing" -> ExistingKeyRule.Exemption.skippedRows(
                                    new KeyLookup(db, table, naturalTargets, KeyLookup.NO_CACHE), naturalTargets);
                            case "upsert" -> ExistingKeyRule.Exemption.updatedRows(new KeyLookup(db, table,
                                    union(targets, naturalTargets), KeyLookup.NO_CACHE), union(targets, naturalTargets));
                            default -> ExistingKeyRule.Exemption.NONE;
                        };
                chunkRules.add(new ExistingKeyRule(targets, new KeyLookup(db, table, targets, KeyLookup.NO_CACHE),
                        skip, exemption));
                described.add(new RuleInfo(ExistingKeyRule.ID, "unique-table", targets,
                        skip ? Severity.WARNING : Severity.ERROR, "not already in " + table.qualifiedName()
                        + (skip ? " (such rows are skipped)" : exemption.description()), RuleInfo.Origin.TARGET,
                        -1));
            }
            for (ForeignKey fk : table.foreignKeys()) {
                List<String> targets = mappedNames(fk.columns());
                if (targets == null) {
                    continue;
                }
                TableInfo parent = db.table(fk.refSchema(), fk.refTable());
                List<String> parentTargets = mappedNames(fk.refColumns());
                if (parent.qualifiedName().equals(table.qualifiedName()) && parentTargets != null) {
                    chunkRules.add(new SelfReferenceRule(targets, parentTargets, new KeyLookup(db, parent,
                            fk.refColumns(), KeyLookup.LOOKUP_CACHE), profile.source() == null ? null
                            : profile.source().sheet()));
                    described.add(new RuleInfo(SelfReferenceRule.ID, "fk", targets, Severity.ERROR, "exists in "
                            + parent.qualifiedName() + " (" + String.join(", ", fk.refColumns()) + ") or on an "
                            + "earlier row of the file without errors" + (fk.name() == null ? ""
                            : ", foreign key " + fk.name()), RuleInfo.Origin.TARGET, -1));
                    continue;
                }
                chunkRules.add(new LookupRule("fk", targets, new KeyLookup(db, parent, fk.refColumns(),
                        KeyLookup.LOOKUP_CACHE), Severity.ERROR, null));
                described.add(new RuleInfo("fk", "fk", targets, Severity.ERROR, "exists in "
                        + parent.qualifiedName() + " (" + String.join(", ", fk.refColumns()) + ")"
                        + (fk.name() == null ? "" : ", foreign key " + fk.name()), RuleInfo.Origin.TARGET, -1));
            }
        }

        private String keyKind(List<String> key, List<String> naturalKey) {
            if (sameColumns(key, naturalKey)) {
                return profile.naturalKey().isEmpty() ? "primary key" : "natural key";
            }
            return sameColumns(key, table.primaryKey()) ? "primary key" : "UNIQUE constraint";
        }

        /** Whether the profile has its own {@code unique} rule on these columns (then it alone reports repeats). */
        private boolean uniqueInProfile(List<String> targets) {
            for (RuleSpec spec : profile.rules()) {
                if ("unique".equalsIgnoreCase(spec.type())) {
                    List<String> columns = spec.columns().isEmpty() && spec.column() != null
                            ? List.of(spec.column()) : spec.columns();
                    if (sameColumns(columns, targets)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void addProfileRule(RuleSpec spec, int index) {
            String type = ProfileRowRules.type(spec);
            String id = profileRules.id(spec);
            Severity severity = profileRules.severity(spec);
            List<String> columns;
            switch (type) {
                case "unique" -> {
                    columns = profileRules.columns(spec);
                    chunkRules.add(new UniqueInFileRule(id, columns, severity, spec.message()));
                }
                case "lookup" -> {
                    String where = profileRules.where(spec);
                    if (spec.table() == null || spec.key() == null) {
                        throw SluiceException.input("The " + where + " needs 'table' and 'key'.");
                    }
                    columns = List.of(profileRules.column(spec));
                    TableInfo other = lookupTable(spec, where);
                    String key = other.column(spec.key()).map(ColumnInfo::name).orElseThrow(() ->
                            SluiceException.input("The " + where + " looks values up in column '" + spec.key()
                                    + "', which table " + other.qualifiedName() + " does not have (its columns: "
                                    + String.join(", ", other.columns().stream().map(ColumnInfo::name).toList())
                                    + ")."));
                    chunkRules.add(new LookupRule(id, columns, new KeyLookup(db, other, List.of(key),
                            KeyLookup.LOOKUP_CACHE), severity, spec.message()));
                }
                default -> {
                    rowRules.add(profileRules.build(spec));
                    columns = profileRules.columnsOf(spec);
                }
            }
            described.add(new RuleInfo(id, type, columns, severity, RuleDescriptions.of(spec, type),
                    RuleInfo.Origin.PROFILE, index));
        }

        /** The table a lookup rule reads, refused in one sentence naming the rule when the target lacks it. */
        private TableInfo lookupTable(RuleSpec spec, String where) {
            try {
                return db.table(spec.table());
            } catch (SluiceException e) {
                if (e.kind() != SluiceException.Kind.TARGET || !e.getMessage().startsWith("Table '")) {
                    throw e;
                }
                throw SluiceException.input("The " + where + " looks values up in table '" + spec.table()
                        + "', which " + db.displayUrl() + " does not have (its tables: " + String.join(", ",
                        db.tables()) + ").", e);
            }
        }

        /** The mapped names of key columns, or null when a key column is not mapped (the key cannot be checked). */
        private static List<String> union(List<String> first, List<String> second) {
            List<String> both = new ArrayList<>(first);
            second.stream().filter(c -> !both.contains(c)).forEach(both::add);
            return both;
        }

        private List<String> mappedNames(List<String> key) {
            List<String> names = new ArrayList<>();
            for (String k : key) {
                String name = mappedByLowerName.get(k.toLowerCase(Locale.ROOT));
                if (name == null) {
                    return null;
                }
                names.add(name);
            }
            return names;
        }

        private static boolean sameColumns(List<String> a, List<String> b) {
            return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(x::equalsIgnoreCase));
        }

        private static boolean isBinary(ColumnInfo c) {
            return (c.type() == JDBCType.BINARY || c.type() == JDBCType.VARBINARY)
                    && !"uuid".equalsIgnoreCase(c.typeName());
        }

        private static boolean isText(ColumnInfo c) {
            return switch (c.type()) {
                case CHAR, VARCHAR, NCHAR, NVARCHAR, LONGVARCHAR, LONGNVARCHAR -> true;
                default -> false;
            };
        }
    }
}
