package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.tables.WorkbookValidation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workbook review opened with all its member reviews, one per sheet, in the order the sheets are validated
 * (parents' sheets first). Close it when done.
 */
final class WorkbookFiles implements AutoCloseable {

    private final Review workbook;
    private final List<WorkbookMembers.Member> members;
    private final Map<String, Review> bySheet;
    private final Path folder;

    private WorkbookFiles(Review workbook, List<WorkbookMembers.Member> members, Map<String, Review> bySheet,
                          Path folder) {
        this.workbook = workbook;
        this.members = members;
        this.bySheet = bySheet;
        this.folder = folder;
    }

    /** Whether the file is a workbook review (a review listing member reviews). */
    static boolean isWorkbook(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Review review = Review.open(file)) {
            return WorkbookMembers.isWorkbook(review);
        }
    }

    static WorkbookFiles open(Path file) {
        Review workbook = Review.open(file);
        Map<String, Review> bySheet = new LinkedHashMap<>();
        try {
            List<WorkbookMembers.Member> members = WorkbookMembers.of(workbook);
            if (members.isEmpty()) {
                throw SluiceException.input(file.getFileName() + " is the review of one sheet, not of a workbook onto"
                        + " several tables.");
            }
            Path folder = WorkbookMembers.folder(file);
            for (WorkbookMembers.Member m : members) {
                Path path = folder.resolve(m.file());
                if (!Files.isRegularFile(path)) {
                    throw SluiceException.input("The workbook review " + file.getFileName() + " lacks its sheet "
                            + m.sheet() + " (" + path + "); keep the folder " + folder.getFileName()
                            + " beside it.");
                }
                bySheet.put(m.sheet(), Review.open(path));
            }
            return new WorkbookFiles(workbook, members, bySheet, folder);
        } catch (RuntimeException e) {
            bySheet.values().forEach(Review::close);
            workbook.close();
            throw e;
        }
    }

    Review workbook() {
        return workbook;
    }

    Path file() {
        return workbook.file();
    }

    List<WorkbookMembers.Member> members() {
        return members;
    }

    /** The sheets, parents' sheets first. */
    List<String> sheets() {
        return members.stream().map(WorkbookMembers.Member::sheet).toList();
    }

    /**
     * The profile the workbook review records, each table's rules as the member of its sheet records them: a rule
     * the steward applies to a table (or removes) is a step of that sheet's review, whose undo puts back the
     * profile it recorded before, so the workbook's profile follows each sheet's history.
     */
    Profile profile() {
        String json = workbook.info().profileJson();
        if (json == null) {
            throw SluiceException.input("The workbook review " + file() + " records no profile.");
        }
        Profile recorded = ProfileIO.fromJson(json, file().toString());
        Map<String, Profile> memberProfiles = new HashMap<>();
        List<TableMapping> parts = new ArrayList<>();
        boolean changed = false;
        for (TableMapping part : recorded.tables()) {
            TableMapping own = part;
            Review member = fedBy(part);
            if (member != null && member.info().profileJson() != null) {
                Profile memberProfile = memberProfiles.computeIfAbsent(member.info().sheet(),
                        s -> ProfileIO.fromJson(member.info().profileJson(), member.file().toString()));
                for (TableMapping p : memberProfile.tables()) {
                    if (p.table().equalsIgnoreCase(part.table()) && !p.rules().equals(part.rules())) {
                        own = part.withRules(p.rules());
                        changed = true;
                    }
                }
            }
            parts.add(own);
        }
        return changed ? recorded.withTables(parts) : recorded;
    }

    /** The member whose sheet feeds the part's table, or null. */
    private Review fedBy(TableMapping part) {
        for (WorkbookMembers.Member m : members) {
            if (m.tables().stream().anyMatch(t -> t.equalsIgnoreCase(part.table()))) {
                return bySheet.get(m.sheet());
            }
        }
        return null;
    }

    /** The member review of a sheet; a name the workbook lacks is one sentence naming its sheets. */
    Review member(String sheet) {
        Review review = bySheet.get(sheet);
        if (review == null) {
            for (Map.Entry<String, Review> e : bySheet.entrySet()) {
                if (e.getKey().equalsIgnoreCase(sheet.strip())) {
                    return e.getValue();
                }
            }
            throw SluiceException.input(file().getFileName() + " has no sheet '" + sheet + "' (sheets: "
                    + String.join(", ", sheets()) + ").");
        }
        return review;
    }

    /** The sheet name as the workbook spells it. */
    String sheetNamed(String sheet) {
        return member(sheet).info().sheet();
    }

    Path path(String sheet) {
        return member(sheet).file();
    }

    WorkbookMembers.Member memberOf(String sheet) {
        String name = sheetNamed(sheet);
        return members.stream().filter(m -> m.sheet().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The sheet a table part of {@code profile} reads: the member feeding its table, else the member of the sheet
     * it names; a part reading a sheet this review does not hold is refused in one sentence.
     */
    String sheetOf(Profile profile, TableMapping part) {
        for (WorkbookMembers.Member m : members) {
            if (m.tables().stream().anyMatch(t -> t.equalsIgnoreCase(part.table()))) {
                return m.sheet();
            }
        }
        String named = part.source() == null ? null : part.source().sheet();
        for (WorkbookMembers.Member m : members) {
            if (m.sheet().equalsIgnoreCase(named == null ? "" : named)) {
                return m.sheet();
            }
        }
        throw SluiceException.input("Profile '" + profile.name() + "' maps table " + part.table() + " from sheet "
                + named + ", which the workbook review " + file().getFileName() + " does not hold (sheets: "
                + String.join(", ", sheets()) + "); validate the workbook file into a new review.");
    }

    /** Rows the steward rejected, by sheet, as parents a reference may not lean on. */
    WorkbookValidation.LeftOutRows rejected() {
        Map<String, BitSet> rejected = new HashMap<>();
        bySheet.forEach((sheet, review) -> rejected.put(sheet, bits(review.ledger().rowsWith(DecisionStatus.REJECTED))));
        return (sheet, row) -> {
            BitSet rows = rejected.get(sheet);
            return rows != null && row <= Integer.MAX_VALUE && rows.get((int) row) ? "was rejected" : null;
        };
    }

    static BitSet bits(long[] rows) {
        BitSet bits = new BitSet();
        for (long row : rows) {
            if (row >= 0 && row <= Integer.MAX_VALUE) {
                bits.set((int) row);
            }
        }
        return bits;
    }

    /** Every member review, parents' sheets first. */
    List<Review> reviews() {
        return new ArrayList<>(bySheet.values());
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Review review : bySheet.values()) {
            try {
                review.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        workbook.close();
        if (first != null) {
            throw first;
        }
    }
}
