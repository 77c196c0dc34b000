package io.sluice.core.commit;

import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.profile.Profile;
import io.sluice.core.database.TableInfo;
import io.sluice.core.validate.ValidationSummary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of an import request that every import path derives the same way from a profile, the target table and
 * a validation: the natural key, the legacy-id column and the batch's quality scores.
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
        if (key.isEmpty()) {
            throw SluiceException.input("Table " + table.qualifiedName() + " has no primary key and profile '"
                    + profile.name() + "' names no natural key; add \"naturalKey\" with the columns that identify a"
                    + " row, so that the import can record where each row came from and roll it back.");
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
}
