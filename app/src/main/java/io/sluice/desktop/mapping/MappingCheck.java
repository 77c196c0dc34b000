package io.sluice.desktop.mapping;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a mapping is ready for validation, and what it leaves unfilled, in plain sentences. */
final class MappingCheck {

    private MappingCheck() {
    }

    /**
     * Why the mapping cannot go to review yet, or null when it can: every mapped row confirmed, at least one column
     * mapped, and a profile that passes {@link ProfileValidator}.
     */
    static String blocker(List<MappingRow> rows, Profile profile) {
        if (profile.columns().isEmpty()) {
            return "Map at least one column.";
        }
        List<String> pending = rows.stream().filter(r -> r.pendingProperty().get()).map(MappingRow::source).toList();
        if (!pending.isEmpty()) {
            String which = pending.size() > 3 ? "" : " ('" + String.join("', '", pending) + "')";
            return pending.size() == 1 ? "Confirm the one suggested mapping still pending" + which + "."
                    : "Confirm the " + pending.size() + " suggested mappings still pending" + which + ".";
        }
        String unmappedRule = ruleOnUnmappedColumn(profile);
        if (unmappedRule != null) {
            return unmappedRule;
        }
        ProfileProblem problem = ProfileValidator.firstProblem(profile);
        return problem == null ? null : "The profile is not usable yet: " + problem.message() + ".";
    }

    /** A kept profile rule about a column nothing maps any more (validation would refuse it), as a sentence. */
    private static String ruleOnUnmappedColumn(Profile profile) {
        Set<String> mapped = profile.columns().stream().map(m -> m.target().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (RuleSpec rule : profile.rules()) {
            List<String> about = new ArrayList<>(rule.columns() == null ? List.of() : rule.columns());
            if (rule.column() != null) {
                about.add(rule.column());
            }
            for (String column : about) {
                if (!mapped.contains(column.toLowerCase(Locale.ROOT))) {
                    return "The profile rule '" + rule.id() + "' is about " + column + ", which no column maps now:"
                            + " map a column onto " + column + " again.";
                }
            }
        }
        return null;
    }

    /** The required columns of the table that nothing fills, as a warning; "" when there are none. */
    static String missingRequired(TableInfo table, Profile profile) {
        List<String> missing = table.columns().stream().filter(c -> !c.optional())
                .filter(c -> profile.columns().stream().noneMatch(m -> m.target().equalsIgnoreCase(c.name())))
                .map(ColumnInfo::name).toList();
        return missing.isEmpty() ? "" : "Nothing fills the required column" + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing) + ": every row will fail validation.";
    }
}
