package io.sluice.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.ReplacingFiles;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output files written under a hidden name beside their own and moved into place only when the whole export has
 * succeeded: an export that fails, is cancelled or is killed leaves each file as it was before, never half written.
 *
 * <p>Several files are moved as one set (decision 0095): each file's previous version is kept under a hidden name
 * (a second link to it, so that the file itself is never missing) and a journal naming them is written before the
 * first move. A move that fails puts every file already moved back to its previous version; a process killed among
 * the moves leaves its journal, and the next export into that folder puts the previous versions back. The steward
 * finds either this export's files or the ones before it, never a mix.
 */
public final class StagedFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagedFiles.class);
    private static final String PREFIX = ".sluice-part-";
    /** A file's previous version while a set is moved: the prefix, the moving process's id, digits, the name. */
    private static final String PREVIOUS = ".sluice-prev-";
    /** The journal of a set being moved: the prefix, the moving process's id, digits, {@code .json}. */
    private static final String JOURNAL = ".sluice-moving-";
    /** The name a journal is written under before it is moved onto its own. */
    private static final String JOURNAL_PART = "journal.json";
    private static final long PID = ProcessHandle.current().pid();
    private static final String PID_STARTED = ProcessHandle.current().info().startInstant()
            .map(Instant::toString).orElse("");
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    /** When this process started: a hidden file of the same name last written before it is a killed export's. */
    private static final FileTime STARTED = FileTime.from(
            ProcessHandle.current().info().startInstant().orElseGet(Instant::now));

    /** Writes one file's content to the hidden file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path hidden) throws IOException;
    }

    /** Moves a file onto another's name, replacing it; a seam for tests of a move that fails. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path onto) throws IOException;
    }

    /**
     * What a journal says of one file of a set: its name, its previous version's hidden name (null: there was none)
     * and the hidden file of its new content.
     */
    record Journaled(String file, String previous, String part) {
    }

    /** A set's journal: the moving process (its id and start) and its files in the order they are moved. */
    record Journal(long pid, String started, List<Journaled> files) {
    }

    /** Final file by hidden file, in the order they were staged. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final Mover mover;

    public StagedFiles() {
        this(StagedFiles::replace);
    }

    StagedFiles(Mover mover) {
        this.mover = mover;
    }

    /** The hidden file to write in place of {@code file}, in its folder; null for null. */
    public Path stage(Path file) {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            throw CsvSink.failure(file.toString(), new IOException("it is a folder"));
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            putBackKilledSets(folder);
            deleteStaleParts(folder, JOURNAL_PART);
            deleteStaleParts(folder, file.getFileName().toString());
            // ending in the file's own name, so that its extension still says what to write (.json, .csv)
            Path hidden = ReplacingFiles.createBeside(file, PREFIX, "-" + file.getFileName());
            staged.put(hidden, file);
            return hidden;
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
    }

    /**
     * The hidden file for each of {@code files} (a name each, in their order), as {@link #stage(Path)} gives it.
     */
    public <K> Map<K, Path> stageEach(Map<K, Path> files) {
        Map<K, Path> hidden = new LinkedHashMap<>();
        files.forEach((name, file) -> hidden.put(name, stage(file)));
        return hidden;
    }

    /** Writes {@code file} whole or not at all: {@code content} writes the hidden file, which then replaces it. */
    public static void writeWhole(Path file, Content content) {
        try (StagedFiles staged = new StagedFiles()) {
            Path hidden = staged.stage(file);
            try {
                content.writeTo(hidden);
            } catch (IOException e) {
                throw CsvSink.failure(file.toString(), e);
            }
            staged.commit();
        }
    }

    /**
     * Deletes the hidden files of the same name that an export killed before this process started left in
     * {@code folder}; one written since belongs to an export still running and is left alone.
     */
    private static void deleteStaleParts(Path folder, String name) {
        String ending = "-" + name;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, p -> isPartOf(p, ending))) {
            for (Path part : parts) {
                try {
                    if (Files.getLastModifiedTime(part).compareTo(STARTED) < 0) {
                        Files.deleteIfExists(part);
                        LOG.info("Deleted {}, left behind by an export of {} that was stopped", part, name);
                    }
                } catch (IOException e) {
                    LOG.debug("{} could not be deleted", part, e);
                }
            }
        } catch (IOException e) {
            LOG.debug("The hidden files of {} in {} could not be listed", name, folder, e);
        }
        try (DirectoryStream<Path> previous = Files.newDirectoryStream(folder,
                p -> isOwned(p, PREVIOUS, ending) && !isRunning(ownerOf(p, PREVIOUS)))) {
            for (Path kept : previous) {
                // its set was moved (or never began to move) when its process died: nothing refers to it
                Files.deleteIfExists(kept);
                LOG.info("Deleted {}, the previous version of {} kept by an export that was stopped", kept, name);
            }
        } catch (IOException e) {
            LOG.debug("The previous versions of {} in {} could not be deleted", name, folder, e);
        }
    }

    /**
     * Puts back the previous version of every file of each set whose moving process died among its moves (its
     * journal is still there), so that the folder holds the files of before that export, not a mix.
     */
    private static void putBackKilledSets(Path folder) {
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder,
                p -> isOwned(p, JOURNAL, ".json") && !isRunning(ownerOf(p, JOURNAL)))) {
            for (Path journalFile : journals) {
                Journal journal;
                try {
                    journal = JSON.readValue(journalFile.toFile(), Journal.class);
                } catch (IOException unreadable) {
                    // written under another name and moved onto this one whole: never seen half written
                    LOG.warn("{} cannot be read; the files it names are left as they are", journalFile, unreadable);
                    continue;
                }
                if (isRunning(journal)) {
                    continue;
                }
                List<String> left = putBack(journal, StagedFiles::replace);
                if (left.isEmpty()) {
                    Files.deleteIfExists(journalFile);
                    LOG.warn("An export into {} was stopped while it moved its files into place: the files of before "
                            + "it were put back ({})", folder, names(journal));
                } else {
                    LOG.warn("An export into {} was stopped while it moved its files into place, and {} could not "
                            + "be put back", folder, left);
                }
            }
        } catch (IOException e) {
            LOG.debug("The journals in {} could not be read", folder, e);
        }
    }

    /** Puts each file of {@code journal} back to its previous version; the files that could not be. */
    private static List<String> putBack(Journal journal, Mover mover) {
        List<String> left = new ArrayList<>();
        for (Journaled f : journal.files()) {
            Path file = Path.of(f.file());
            try {
                if (f.part() != null) {
                    Files.deleteIfExists(Path.of(f.part()));
                }
                if (f.previous() == null) {
                    // new with that export: there was no file of that name before it
                    Files.deleteIfExists(file);
                } else if (Files.exists(Path.of(f.previous()))) {
                    mover.move(Path.of(f.previous()), file);
                    // a move between two links to one file changes nothing and leaves both
                    Files.deleteIfExists(Path.of(f.previous()));
                }
            } catch (IOException e) {
                LOG.debug("{} could not be put back", file, e);
                left.add(file.toString());
            }
        }
        return left;
    }

    private static String names(Journal journal) {
        return String.join(", ", journal.files().stream()
                .map(f -> Path.of(f.file()).getFileName().toString()).toList());
    }

    /** Whether the process a journal names is the one that wrote it and is still running. */
    private static boolean isRunning(Journal journal) {
        return journal.pid() > 0 && ProcessHandle.of(journal.pid())
                .filter(ProcessHandle::isAlive)
                .map(h -> journal.started().equals(h.info().startInstant().map(Instant::toString).orElse("")))
                .orElse(false);
    }

    private static boolean isRunning(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether {@code p} is named {@code prefix}, a process id, a dash, digits, then {@code ending}. */
    private static boolean isOwned(Path p, String prefix, String ending) {
        String n = p.getFileName().toString();
        if (!n.startsWith(prefix) || !n.endsWith(ending) || n.length() <= prefix.length() + ending.length()) {
            return false;
        }
        String middle = n.substring(prefix.length(), n.length() - ending.length());
        int dash = middle.indexOf('-');
        return dash > 0 && dash < middle.length() - 1
                && middle.chars().filter(c -> c != '-').allMatch(Character::isDigit)
                && middle.indexOf('-', dash + 1) < 0;
    }

    /** The process id in a name {@link #isOwned} accepts. */
    private static long ownerOf(Path p, String prefix) {
        String n = p.getFileName().toString();
        int from = prefix.length();
        return Long.parseLong(n.substring(from, n.indexOf('-', from)));
    }

    /** Whether {@code p} is named as {@link #stage} names a hidden file: the prefix, digits, then the ending. */
    private static boolean isPartOf(Path p, String ending) {
        String n = p.getFileName().toString();
        if (!n.startsWith(PREFIX) || !n.endsWith(ending) || n.length() <= PREFIX.length() + ending.length()) {
            return false;
        }
        String middle = n.substring(PREFIX.length(), n.length() - ending.length());
        return middle.chars().allMatch(Character::isDigit);
    }

    /**
     * Moves every staged file onto its own name: one file in one atomic step where the file system allows it,
     * several as one set (the class's comment), so that a failure or a kill among the moves leaves the files before.
     */
    public void commit() {
        if (staged.size() == 1) {
            Map.Entry<Path, Path> only = staged.entrySet().iterator().next();
            try {
                mover.move(only.getKey(), only.getValue());
            } catch (IOException failure) {
                throw CsvSink.failure(only.getValue().toString(), failure);
            }
        } else if (staged.size() > 1) {
            commitSet();
        }
        staged.clear();
    }

    private void commitSet() {
        List<Journaled> files = new ArrayList<>();
        Set<Path> kept = new HashSet<>();
        Path journalFile = null;
        try {
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                Path absolute = e.getValue().toAbsolutePath();
                Path previous = Files.exists(absolute) ? keepPrevious(absolute) : null;
                if (previous != null) {
                    kept.add(previous);
                }
                files.add(new Journaled(absolute.toString(), previous == null ? null : previous.toString(),
                        e.getKey().toAbsolutePath().toString()));
            }
            journalFile = writeJournal(new Journal(PID, PID_STARTED, files));
        } catch (IOException e) {
            deleteAll(kept);
            throw CsvSink.failure(staged.values().iterator().next().toString(), e);
        }
        int moved = 0;
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                mover.move(e.getKey(), e.getValue());
                moved++;
            } catch (IOException failure) {
                throw putBackAfter(failure, e.getValue(), files.subList(0, moved), journalFile, kept);
            }
        }
        try {
            // the set is moved: from here a kill leaves this export's files, and only hidden leftovers to delete
            Files.delete(journalFile);
        } catch (IOException e) {
            // left there, it would have the next export put back the files before this one: put them back now
            throw putBackAfter(e, staged.values().iterator().next(), files, journalFile, kept);
        }
        deleteAll(kept);
    }

    /**
     * Puts the files moved before {@code failure} back to their previous versions and says what failed in one
     * sentence; if one of them cannot be put back, the journal stays for the next export, and the sentence says so.
     */
    private RuntimeException putBackAfter(IOException failure, Path failed, List<Journaled> moved, Path journalFile,
                                          Set<Path> kept) {
        RuntimeException said = CsvSink.failure(failed.toString(), failure);
        List<String> left = putBack(new Journal(PID, PID_STARTED, moved), mover);
        if (!left.isEmpty()) {
            try {
                // no process owns it now: the next export into the folder puts the rest back
                writeJournalOnto(journalFile, new Journal(0, "", moved));
            } catch (IOException e) {
                LOG.warn("{} could not be rewritten", journalFile, e);
            }
            return CsvSink.failure(failed.toString(), new IOException(CsvSink.reasonOf(failure) + "; "
                    + String.join(", ", left) + " could not be put back as it was and will be by the next export "
                    + "into its folder", failure));
        }
        try {
            Files.deleteIfExists(journalFile);
        } catch (IOException e) {
            LOG.debug("{} could not be deleted", journalFile, e);
        }
        deleteAll(kept);
        return said;
    }

    /**
     * A second name for {@code file}'s content, hidden beside it, so that its previous version outlives the move
     * onto it; a copy where the file system has no links.
     */
    private static Path keepPrevious(Path file) throws IOException {
        Path previous = Files.createTempFile(file.getParent(), PREVIOUS + PID + "-", "-" + file.getFileName());
        Files.delete(previous);
        try {
            Files.createLink(previous, file);
        } catch (UnsupportedOperationException | IOException noLinks) {
            Files.copy(file, previous, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
        return previous;
    }

    /** Writes {@code journal} beside the set's first file under a hidden name, whole, and forced to disk. */
    private static Path writeJournal(Journal journal) throws IOException {
        Path folder = Path.of(journal.files().get(0).file()).getParent();
        Path journalFile = Files.createTempFile(folder, JOURNAL + PID + "-", ".json");
        writeJournalOnto(journalFile, journal);
        return journalFile;
    }

    private static void writeJournalOnto(Path journalFile, Journal journal) throws IOException {
        Path part = Files.createTempFile(journalFile.getParent(), PREFIX, "-" + JOURNAL_PART);
        try {
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(journal)));
                out.force(true);
            }
            replace(part, journalFile);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void replace(Path from, Path onto) throws IOException {
        try {
            Files.move(from, onto, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, onto, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteAll(Set<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.debug("{} could not be deleted", f, e);
            }
        }
    }

    /** Deletes the hidden files of an export that did not commit. */
    @Override
    public void close() {
        for (Path hidden : staged.keySet()) {
            try {
                Files.deleteIfExists(hidden);
            } catch (IOException ignored) {
                // a hidden leftover beside the file changes nothing the steward reads
            }
        }
        staged.clear();
    }
}
