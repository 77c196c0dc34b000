package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.rules.ExpressionKinds;
import io.sluice.core.rules.ProfileRowRules;
import io.sluice.core.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds a rule's comparisons up against the kinds of its target table's columns (decision 0098): a rule being
 * written whose comparison can never be computed (a date with a text, say) is refused in one sentence saying what to
 * write; a profile that already holds one keeps it, and is told so in one sentence per rule.
 */
final class RuleKindCheck {

    private RuleKindCheck() {
    }

    /** The kinds of the table's columns, by lower-case name. */
    static Map<String, ExpressionKinds.Kind> kinds(TableInfo table) {
        return ExpressionKinds.ofColumns(table.columns());
    }

    /** Refuses a rule being written whose expression or condition can never be computed on {@code table}. */
    static void refuse(RuleSpec rule, TableInfo table) {
        String problem = ProfileRowRules.kindProblem(rule, kinds(table));
        if (problem != null) {
            throw SluiceException.input("The rule '" + RuleSet.idOf(rule) + "' cannot run: " + problem + ".");
        }
    }

    /** One sentence for each of a profile's rules (on {@code table}) that can never be computed, in their order. */
    static List<String> notes(String profileName, List<RuleSpec> rules, TableInfo table) {
        Map<String, ExpressionKinds.Kind> kinds = kinds(table);
        List<String> notes = new ArrayList<>();
        for (RuleSpec rule : rules) {
            String problem = ProfileRowRules.kindProblem(rule, kinds);
            if (problem != null) {
                notes.add("Rule '" + RuleSet.idOf(rule) + "' of profile '" + profileName + "' is kept, but " + problem
                        + ".");
            }
        }
        return notes;
    }
}
