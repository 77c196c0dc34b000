package io.sluice.core.usecase;

import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;

import java.util.LinkedHashSet;
import java.util.List;
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
     */
    public record Listing(String profileName, String table, List<RuleInfo> rules) {

        public Listing {
            rules = List.copyOf(rules);
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
        return new Listing(profile.name(), table.qualifiedName(), rules.described());
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
