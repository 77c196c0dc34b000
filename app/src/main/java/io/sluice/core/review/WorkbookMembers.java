package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.SluiceException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a workbook review is laid out on disk: the review the steward names ({@code lab.sluice}) holds no rows; its
 * meta lists one member review per sheet the profile reads, stored in the folder beside it ({@code
 * lab.sluice.sheets/}), each an ordinary review of that sheet's source rows whose meta names its sheet, the tables
 * the sheet feeds and its workbook review.
 */
public final class WorkbookMembers {

    /** Meta key of a workbook review: its members, as a JSON list. */
    public static final String MEMBERS = "workbook.members";
    /** Meta key of a member: the sheet it holds. */
    public static final String SHEET = "workbook.sheet";
    /** Meta key of a member: the file name of its workbook review. */
    public static final String WORKBOOK = "workbook.review";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One member review.
     *
     * @param sheet    the sheet as the workbook names it
     * @param file     the member's file name inside the members' folder
     * @param position 1-based, in the order the sheets are validated (parents' sheets first)
     * @param tables   the target tables the sheet feeds, as the profile names them
     */
    public record Member(String sheet, String file, int position, List<String> tables) {

        public Member {
            tables = List.copyOf(tables);
        }
    }

    private WorkbookMembers() {
    }

    /** The folder holding the members of the workbook review at {@code review}: its name plus {@code .sheets}. */
    public static Path folder(Path review) {
        Path name = review.getFileName();
        Path folder = Path.of(name + ".sheets");
        return review.getParent() == null ? folder : review.getParent().resolve(folder);
    }

    /** A member's file name: its position and the sheet's name with anything but letters, digits, - and _ as _. */
    public static String fileName(int position, String sheet) {
        String safe = sheet.replaceAll("[^\\p{L}\\p{N}_-]", "_");
        return String.format("%02d-%s.sluice", position, safe.length() > 60 ? safe.substring(0, 60) : safe);
    }

    /** Records the members in the workbook review. */
    public static void record(Review workbook, List<Member> members) {
        try {
            workbook.putMeta(MEMBERS, JSON.writeValueAsString(members));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the members of a workbook review", e);
        }
    }

    /** The members of a workbook review in position order; empty for any other review. */
    public static List<Member> of(Review review) {
        return review.meta(MEMBERS).map(json -> {
            try {
                return JSON.readValue(json, new TypeReference<List<Member>>() { });
            } catch (JsonProcessingException e) {
                throw SluiceException.input("The workbook review " + review.file() + " is damaged: its list of"
                        + " sheets cannot be read.", e);
            }
        }).orElse(List.of());
    }

    /** Whether the review is a workbook review (it lists member reviews). */
    public static boolean isWorkbook(Review review) {
        return review.meta(MEMBERS).isPresent();
    }

    /** For a member review, the file name of its workbook review. */
    public static Optional<String> workbookOf(Review review) {
        return review.meta(WORKBOOK);
    }

    /**
     * Refuses, in one sentence, to treat a workbook review or one of its members as the review of one sheet.
     *
     * @param what what was asked, e.g. "column statistics"
     */
    public static void requireOneSheet(Review review, String what) {
        if (isWorkbook(review)) {
            throw SluiceException.input(review.file().getFileName() + " is the review of a workbook onto several"
                    + " tables; " + what + " works on the review of one sheet, so open it as a workbook review"
                    + " (validate --review, review, decide, fix, import --review).");
        }
        Optional<String> workbook = workbookOf(review);
        if (workbook.isPresent()) {
            throw SluiceException.input(review.file().getFileName() + " is sheet " + review.meta(SHEET).orElse("?")
                    + " of the workbook review " + workbook.get() + ", which is read and changed only as a whole"
                    + " (validate --review, review, decide, fix, import --review " + workbook.get()
                    + "), so that the references between its sheets stay checked.");
        }
    }
}
