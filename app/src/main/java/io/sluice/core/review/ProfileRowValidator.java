package io.sluice.core.review;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.QualityTally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-validates an edited row the way the validation run did: maps it with the profile and runs the target's and the
 * profile's rules on it, including foreign keys and keys already in the table, which are asked of the database.
 * <p>
 * Uniqueness within the file cannot be judged from one row: those rules do not run (a lone row never repeats a key,
 * and the rules remember every key they see, so later edits would collide with earlier ones), and
 * {@link #fileWideRules()} names them so that the row's earlier findings of them are kept; a full validation judges
 * them again.
 */
public final class ProfileRowValidator implements RowValidator {

    private final Mapper mapper;
    private final RuleSet rules;
    private final Set<String> fileWide;
    private final Set<String> reported;
    /** The rules judging a row by earlier rows, as built (fresh copies run each pass); null when there are none. */
    private final RuleSet selfReferences;

    private ProfileRowValidator(Mapper mapper, RuleSet rules) {
        this.mapper = mapper;
        this.selfReferences = rules.selfReferences().orElse(null);
        // their findings would be dropped, and they would remember every key re-validated (a tenth of its CPU time)
        this.rules = rules.withoutUniqueness();
        this.fileWide = rules.fileWideRules();
        this.reported = null;
    }

    private ProfileRowValidator(Mapper mapper, RuleSet rules, Set<String> fileWide) {
        this.mapper = mapper;
        this.rules = rules;
        this.fileWide = fileWide;
        this.reported = Set.copyOf(rules.reportedIds());
        this.selfReferences = null;
    }

    /** Compiles the profile against the review's source columns and the target table; fails as validation would. */
    public static ProfileRowValidator of(Profile profile, List<String> sourceColumns, TargetDatabase db) {
        TableInfo table = db.table(profile.table());
        Mapper mapper = Mapper.compile(profile, sourceColumns, table);
        return new ProfileRowValidator(mapper, RuleSet.build(profile, table, mapper.targetColumns(), db));
    }

    @Override
    public List<Finding> validate(SourceRow effectiveRow) {
        List<Finding> findings = new ArrayList<>();
        rules.check(List.of(mapper.map(effectiveRow)), finding -> {
            if (!fileWide.contains(finding.rule())) {
                findings.add(finding);
            }
        });
        return findings;
    }

    @Override
    public List<RowVerdict> validateAll(List<SourceRow> effectiveRows) {
        List<MappedRow> mapped = new ArrayList<>(effectiveRows.size());
        Map<Long, List<Finding>> byRow = new HashMap<>();
        for (SourceRow row : effectiveRows) {
            mapped.add(mapper.map(row));
            byRow.put(row.number(), new ArrayList<>());
        }
        rules.check(mapped, finding -> {
            List<Finding> list = byRow.get(finding.row());
            if (list != null && !fileWide.contains(finding.rule())) {
                list.add(finding);
            }
        });
        List<RowVerdict> verdicts = new ArrayList<>(effectiveRows.size());
        for (int i = 0; i < effectiveRows.size(); i++) {
            verdicts.add(new RowVerdict(byRow.get(effectiveRows.get(i).number()),
                    QualityTally.filledCells(mapped.get(i))));
        }
        return verdicts;
    }

    @Override
    public int filledCells(SourceRow effectiveRow) {
        return QualityTally.filledCells(mapper.map(effectiveRow));
    }

    /**
     * Only the rules reading a target column made from source column {@code column}, and those sharing an id with
     * them (see {@link RuleSet#readingTargets}): the others give the same findings on the changed rows as before.
     */
    @Override
    public RowValidator forChangedColumn(int column) {
        return new ProfileRowValidator(mapper, rules.readingTargets(mapper.targetsReading(column)), fileWide);
    }

    @Override
    public Set<String> reportedRules() {
        return reported;
    }

    @Override
    public Set<String> fileWideRules() {
        return fileWide;
    }

    /**
     * The table, when it has a foreign key to itself: the rows the steward rejected are no parents, so their children
     * get a {@code self-fk} finding saying so, and lose it when the parent is approved or pending again.
     */
    @Override
    public List<SelfReferencePass.Table> selfReferenceTables() {
        return selfReferences == null ? List.of()
                : List.of(new SelfReferencePass.Table(row -> List.of(mapper.map(row)), selfReferences, f -> f));
    }
}
