package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.rules.ExpressionKinds;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.tables.WorkbookRowValidator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule that will run for a profile against its target table, without reading a file: those derived from the
 * target's constraints (read-only) and those written in the profile (editable), each with its id, kind, columns,
 * severity and a one-line description. A broken rule is refused in one sentence naming it, as a validation would.
 */
public final class RulesInForce {

    /**
     * The rules in force.
     *
     * @param profileName the profile's name
     * @param table       the target table, as the database spells it
     * @param rules       derived rules first (columns in table order, CHECKs, keys, foreign keys), then the profile's
     * @param kinds       the kinds of the table's columns by lower-case name, for checking an expression as it is
     *                    written ({@link CheckExpression#check(String, List, Map)})
     * @param notes       one sentence for each rule of the profile that can never be computed on any row (a date
     *                    compared with a text, say): kept, but saying what to write instead
     */
    public record Listing(String profileName, String table, List<RuleInfo> rules,
                          Map<String, ExpressionKinds.Kind> kinds, List<String> notes) {

        public Listing {
            rules = List.copyOf(rules);
            kinds = Map.copyOf(kinds);
            notes = List.copyOf(notes);
        }
    }

    private RulesInForce() {
    }

    /** The rules of {@code profile} against its table in {@code db}. */
    public static Listing list(Profile profile, TargetDatabase db) {
        TableInfo table = db.table(profile.requireOneTable().table());
        // the file is not read: every source column the profile names stands in for its header
        Mapper mapper = Mapper.compile(profile, namedSources(profile), table);
        RuleSet rules = RuleSet.build(profile, table, mapper.targetColumns(), db);
        return new Listing(profile.name(), table.qualifiedName(), rules.described(), RuleKindCheck.kinds(table),
                RuleKindCheck.notes(profile.name(), profile.rules(), table));
    }

    /**
     * One sentence for each rule of a profile onto one table that can never be computed on {@code table}'s columns
     * (a date compared with a text, say): the profile keeps the rule, and is told what to write instead.
     */
    public static List<String> notes(Profile profile, TableInfo table) {
        return RuleKindCheck.notes(profile.name(), profile.rules(), table);
    }

    /**
     * The rules of one table ({@code table}, any case) of a profile onto several tables, as a workbook's validation
     * runs them: the table's foreign keys onto other tables of the profile are its reference check. A name the
     * profile does not map is answered with the tables it maps.
     */
    public static Listing listTable(Profile profile, String table, TargetDatabase db) {
        TableMapping part = part(profile, table);
        List<String> sources = namedSources(profile.tablePart(part));
        if (part.unpivot() != null) {
            sources = new ArrayList<>(sources);
            sources.addAll(part.unpivot().columns());
        }
        long headerRow = part.source() == null || part.source().headerRow() == null ? 1
                : part.source().headerRow();
        WorkbookRowValidator.TableRules rules = WorkbookRowValidator.rulesOf(profile, part.table(), part.sheet(),
                headerRow, sources, db);
        TableInfo info = db.table(part.table());
        return new Listing(profile.name(), info.qualifiedName(), rules.described(), RuleKindCheck.kinds(info),
                RuleKindCheck.notes(profile.name(), part.rules(), info));
    }

    /** The part of a profile onto several tables that maps {@code table} (any case), refused naming the tables. */
    public static TableMapping part(Profile profile, String table) {
        if (!profile.mapsSeveralTables()) {
            throw SluiceException.input("Profile '" + profile.name() + "' maps onto one table (" + profile.table()
                    + "); --table goes with a profile onto several tables.");
        }
        String wanted = table == null ? "" : table.strip();
        return profile.tables().stream().filter(t -> t.table().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> SluiceException.input("Profile '" + profile.name() + "' maps no table '" + table
                        + "' (its tables: " + tableNames(profile) + ")."));
    }

    /** The tables a profile onto several tables maps, in its order, joined by commas. */
    public static String tableNames(Profile profile) {
        return String.join(", ", profile.tables().stream().map(TableMapping::table).toList());
    }

    private static List<String> namedSources(Profile profile) {
        Set<String> sources = new LinkedHashSet<>();
        for (ColumnMapping m : profile.columns()) {
            if (m.source() != null) {
                sources.add(m.source());
            }
            sources.addAll(m.sources());
        }
        if (profile.legacyId() != null) {
            sources.add(profile.legacyId());
        }
        return List.copyOf(sources);
    }
}
