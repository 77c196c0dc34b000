package io.sluice.core.commit;

import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.profile.Profile;
import io.sluice.core.target.TableInfo;
import io.sluice.core.validate.ValidationSummary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of an import request that every import path derives the same way from a profile, the target table and
 * a validation: the natural key, the legacy-id column, the batch's quality scores, and the refusal of approved values
 * that cannot be stored.
 */
public final class ImportRequests {

    private ImportRequests() {
    }

    /** The profile's natural key, else the table's primary key, as the table spells the column names. */
    public static List<String> naturalKey(Profile profile, TableInfo table) {
        List<String> key = new ArrayList<>();
        for (String name : profile.naturalKey().isEmpty() ? table.primaryKey() : profile.naturalKey()) {
            key.add(table.column(name).orElseThrow(() -> SluiceException.input("The natural key of profile '"
                    + profile.name() + "' names '" + name + "', which is not a column of " + table.qualifiedName()
                    + ".")).name());
        }
        return key;
    }

    /** The index of the profile's legacy-id source column among {@code columns}, or -1 when there is none. */
    public static int legacyIdColumn(Profile profile, List<String> columns) {
        if (profile.legacyId() == null) {
            return -1;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(profile.legacyId())) {
                return i;
            }
        }
        return -1;
    }

    /** The file's quality scores as the batch records them. */
    public static QualityScores scores(ValidationSummary summary) {
        ValidationSummary.FileScores s = summary.scores();
        return new QualityScores(BigDecimal.valueOf(s.completeness()), BigDecimal.valueOf(s.validity()),
                BigDecimal.valueOf(s.uniqueness()), BigDecimal.valueOf(s.overall()));
    }

    /** Refuses, before anything is written, approved values that cannot be stored (text in a number column, ...). */
    public static void refuseUnstorable(Iterable<ApprovedRow> rows) {
        List<String> problems = new ArrayList<>();
        long count = 0;
        for (ApprovedRow row : rows) {
            for (int i = 0; i < row.values().targets().size(); i++) {
                if (row.values().get(i).error() != null) {
                    count++;
                    if (problems.size() < 3) {
                        problems.add("row " + row.sourceRow() + ": " + row.values().get(i).error());
                    }
                }
            }
        }
        if (count > 0) {
            throw SluiceException.input(count + " approved value(s) cannot be stored in their columns ("
                    + String.join("; ", problems) + (count > problems.size() ? "; ..." : "")
                    + "); edit or reject those rows first.");
        }
    }
}
