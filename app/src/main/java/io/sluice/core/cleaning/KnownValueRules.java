package io.sluice.core.cleaning;

import io.sluice.core.SluiceException;
import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.CheckParser;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.SimpleCheck;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules whose findings mean "this value is not one of a known set", by the rule id and target column their
 * findings carry: the target's single-column foreign keys ({@code fk}), its CHECK {@code IN} lists
 * ({@code check:NAME}), and the profile's {@code allowed} and {@code lookup} rules (ids as the rule set names them).
 */
public final class KnownValueRules {

    private final Map<String, KnownValues> byRuleAndColumn;

    private KnownValueRules(Map<String, KnownValues> byRuleAndColumn) {
        this.byRuleAndColumn = Map.copyOf(byRuleAndColumn);
    }

    /** The known-value rules of {@code profile} on {@code table}; lookup tables are found in {@code db}. */
    public static KnownValueRules of(Profile profile, TableInfo table, TargetDatabase db) {
        return of(profile.rules(), table, db);
    }

    /** The known-value rules among {@code specs} (one table's rules of a profile) on {@code table}. */
    public static KnownValueRules of(List<RuleSpec> specs, TableInfo table, TargetDatabase db) {
        Map<String, KnownValues> rules = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().size() == 1) {
                rules.put(key("fk", fk.columns().get(0)), KnownValues.column(fk.refSchema(), fk.refTable(),
                        fk.refColumns().get(0)));
            }
        }
        for (CheckConstraint check : table.checks()) {
            for (SimpleCheck simple : CheckParser.parse(check).orElse(List.of())) {
                if (!simple.allowed().isEmpty()) {
                    rules.put(key("check:" + check.name(), simple.column()), KnownValues.listed(simple.allowed()));
                }
            }
        }
        for (RuleSpec spec : specs) {
            String type = spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
            if (spec.column() == null) {
                continue;
            }
            // the same id RuleSet gives the rule, so that its findings are recognised
            String id = spec.id() != null ? spec.id() : type + ":" + spec.column();
            if (type.equals("allowed") && !spec.values().isEmpty()) {
                rules.put(key(id, spec.column()), KnownValues.listed(spec.values()));
            } else if (type.equals("lookup") && spec.table() != null && spec.key() != null) {
                TableInfo other = db.table(spec.table());
                String column = other.column(spec.key()).orElseThrow(() -> SluiceException.input("Table "
                        + other.qualifiedName() + " has no column '" + spec.key() + "', which the lookup rule '"
                        + id + "' names.")).name();
                rules.put(key(id, spec.column()), KnownValues.column(other.schema(), other.name(), column));
            }
        }
        return new KnownValueRules(rules);
    }

    /** The known set behind findings of {@code rule} on target column {@code target}, if that rule has one. */
    public Optional<KnownValues> forFinding(String rule, String target) {
        if (rule == null || target == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byRuleAndColumn.get(key(rule, target)));
    }

    public boolean isEmpty() {
        return byRuleAndColumn.isEmpty();
    }

    private static String key(String rule, String column) {
        return rule + '\u0001' + column.toLowerCase(Locale.ROOT);
    }
}
