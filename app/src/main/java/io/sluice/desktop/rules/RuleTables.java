package io.sluice.desktop.rules;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.TableMapping;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Which table's rules the Rules step edits when the profile maps onto several tables (version 2): its tables to
 * choose from, the chosen one's part seen as a profile onto one table (so the rule form, the list and the preview
 * work as for one table), and the profile with that table's rules changed. A profile onto one table has no tables
 * to choose from and is edited as it is.
 */
public final class RuleTables {

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper();

    /** The sheet and table a rule is on in a workbook review. */
    record Place(String sheet, String table) {
    }

    /** Lists the profile's tables; the chosen table stays when the profile still maps it, else the first is chosen. */
    void follow(Profile whole) {
        if (whole == null || !whole.mapsSeveralTables()) {
            tables.clear();
            chosen.set(null);
            return;
        }
        List<String> names = whole.tables().stream().map(TableMapping::table).toList();
        if (!names.equals(tables)) {
            tables.setAll(names);
        }
        String was = chosen.get();
        String kept = was == null ? null : names.stream().filter(n -> n.equalsIgnoreCase(was)).findFirst()
                .orElse(null);
        chosen.set(kept != null ? kept : names.isEmpty() ? null : names.get(0));
    }

    /**
     * Chooses the table whose rules are edited; a name the profile does not map is refused in one sentence naming
     * the tables it maps.
     */
    void choose(Profile whole, String table) {
        if (whole == null || !whole.mapsSeveralTables()) {
            throw SluiceException.input("The profile maps onto one table; there is no other table to choose.");
        }
        chosen.set(part(whole, table).table());
    }

    /** True when the profile maps onto several tables, and the step edits one of them. */
    boolean several(Profile whole) {
        return whole != null && whole.mapsSeveralTables() && chosen.get() != null;
    }

    /** The profile as the step edits it: the chosen table's part as a profile onto one table, or the profile. */
    Profile edited(Profile whole) {
        return several(whole) ? whole.tablePart(part(whole, chosen.get())) : whole;
    }

    /** The profile with the edited table's rules (or the profile's own, onto one table) set to {@code rules}. */
    Profile withRules(Profile whole, List<RuleSpec> rules) {
        if (!several(whole)) {
            return whole.withRules(rules);
        }
        TableMapping part = part(whole, chosen.get());
        List<TableMapping> parts = new ArrayList<>();
        whole.tables().forEach(t -> parts.add(t == part ? t.withRules(rules) : t));
        return whole.withTables(parts);
    }

    /** The target columns the edited table's part fills, unpivot included. */
    List<String> mappedColumns(Profile whole) {
        return part(whole, chosen.get()).targetColumns();
    }

    /** The sheet feeding the chosen table and the table, for a rule on a workbook review; null onto one table. */
    Place place(Profile whole) {
        if (!several(whole)) {
            return null;
        }
        TableMapping part = part(whole, chosen.get());
        return new Place(part.sheet(), part.table());
    }

    private static TableMapping part(Profile whole, String table) {
        String wanted = table == null ? "" : table.strip();
        return whole.tables().stream().filter(t -> t.table().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> SluiceException.input("Profile '" + whole.name() + "' maps no table '" + table
                        + "' (its tables: " + String.join(", ", whole.tables().stream().map(TableMapping::table)
                        .toList()) + ")."));
    }

    /** The tables of a profile onto several tables, in its order; empty for a profile onto one table. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** The table whose rules are edited; null for a profile onto one table. */
    public ReadOnlyStringProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }
}
