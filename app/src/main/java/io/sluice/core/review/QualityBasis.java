package io.sluice.core.review;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a review's quality scores are counted with, besides its findings: how many target columns the profile maps
 * (a row's cells) and which rules mean "this row repeats a key". Recorded when a validation finishes.
 *
 * @param mappedColumns   target columns the profile maps
 * @param uniquenessRules ids of the rules whose findings mark a duplicate row
 */
public record QualityBasis(int mappedColumns, List<String> uniquenessRules) {

    public QualityBasis {
        uniquenessRules = List.copyOf(new TreeSet<>(uniquenessRules));
    }

    public static QualityBasis of(int mappedColumns, Set<String> uniquenessRules) {
        return new QualityBasis(mappedColumns, List.copyOf(uniquenessRules));
    }
}
