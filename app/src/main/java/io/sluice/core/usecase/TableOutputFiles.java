package io.sluice.core.usecase;

import io.sluice.core.SluiceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an export of a workbook onto several tables writes one file per table or per sheet: the option names a folder
 * (made if missing; its parent must exist), which gets {@code <name>.csv} for each table or sheet, or a file name with
 * a placeholder ({@value #TABLE} or {@value #SHEET}) that each name replaces. Names are made safe for a file system;
 * every path of one export is checked to be written once and to be none of its inputs before anything is written.
 */
final class TableOutputFiles {

    static final String TABLE = "{table}";
    static final String SHEET = "{sheet}";

    private final Map<Path, String> claimed = new HashMap<>();

    /** Claims the inputs, so that no output overwrites them. */
    TableOutputFiles(Path... inputs) {
        for (Path input : inputs) {
            input(input, "the source file");
        }
    }

    /**
     * Claims the files a review export reads or stands for: the review and the file it was made from, which no
     * output may overwrite (the review holds its rows, but the sender's file is the one record of what was sent).
     */
    static TableOutputFiles ofReview(Path review, Path source) {
        TableOutputFiles files = new TableOutputFiles();
        files.input(review, "the review");
        files.input(source, "the file the review was made from");
        return files;
    }

    private void input(Path input, String what) {
        if (input != null) {
            claimed.putIfAbsent(identity(input), what);
        }
    }

    /**
     * The file of each name (a table or a sheet), in the order given.
     *
     * @param option      the option that named {@code given}, for the sentence that refuses it
     * @param placeholder {@value #TABLE} or {@value #SHEET}
     * @param what        "table" or "sheet"
     */
    Map<String, Path> each(String option, Path given, String placeholder, String what, List<String> names) {
        String other = placeholder.equals(TABLE) ? SHEET : TABLE;
        String fileName = given.getFileName() == null ? "" : given.getFileName().toString();
        if (fileName.contains(other)) {
            throw SluiceException.input(option + " writes one file per " + what + ": use " + placeholder
                    + " in its name, not " + other + ".");
        }
        boolean pattern = fileName.contains(placeholder);
        if (!pattern && Files.exists(given) && !Files.isDirectory(given)) {
            throw SluiceException.input(option + " " + given + " is a file, but a profile onto several tables"
                    + " writes one file per " + what + ": give a folder, or a file name with " + placeholder + ".");
        }
        Path folder = given.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw SluiceException.input(option + " " + given + ": the folder " + folder + " does not exist.");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : names) {
            Path file = pattern ? given.resolveSibling(fileName.replace(placeholder, safe(name)))
                    : given.resolve(safe(name) + ".csv");
            claim(option, file);
            files.put(name, file);
        }
        return files;
    }

    /** One file named by one option; null stays null. */
    Path one(String option, Path file) {
        if (file != null) {
            claim(option, file);
        }
        return file;
    }

    /** Makes the folder of the files, when an option named a folder that is not there yet. */
    static void makeFolders(Map<String, Path> files) {
        for (Path file : files.values()) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                try {
                    Files.createDirectory(folder);
                } catch (IOException e) {
                    throw SluiceException.input("Cannot make the folder " + folder + ": " + e.getMessage() + ".", e);
                }
            }
        }
    }

    private void claim(String option, Path file) {
        String earlier = claimed.putIfAbsent(identity(file), option);
        if (earlier != null) {
            throw SluiceException.input(earlier.startsWith("--") ? earlier + " and " + option + " both write " + file
                    + "; give each its own file or folder." : option + " " + file + " would overwrite " + earlier
                    + "; write it elsewhere.");
        }
    }

    /** A table or sheet name as a file name: letters, digits, '.', '-', '_' and spaces kept, anything else '_'. */
    static String safe(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_' || c == ' ' ? c : '_'));
        String safe = b.toString().strip();
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" + safe : safe;
    }

    /** One name per file, whichever relative path, link or ".." reached it. */
    private static Path identity(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return path.toRealPath();
        } catch (IOException e) {
            Path folder = absolute.getParent();
            try {
                return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException missingFolder) {
                return absolute;
            }
        }
    }
}
