package io.sluice.desktop.source;

import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceOptions;
import io.sluice.desktop.Samples;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Source step's state: which file, how to read it (sheet, header row, CSV encoding and delimiter), what the
 * reader found, and a preview of the sheet's top. Every change of a reading option re-reads the file in the
 * background; "Next" hands the chosen options and the inspection to the {@link Workbench}.
 */
public final class SourceViewModel {

    /** The file kinds the Open dialog offers. */
    public static final List<String> SOURCE_EXTENSIONS = List.of("*.xlsx", "*.xls", "*.csv", "*.tsv", "*.txt");
    /** Encodings offered for CSV files besides "detect". */
    public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");
    /** Delimiters offered for CSV files besides "detect". */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    /** What the reader's notes say when a read found nothing to note. */
    public static final String NOTHING_UNUSUAL = "Nothing unusual: no merged cells, renamed headers or odd dates.";
    static final String NOTHING_READ = "Nothing to list until the file is read with these options.";
    static final String READING = "Reading the file…";
    static final String UNREADABLE = "The file could not be read with these options.";
    static final String CANCELLED = "Reading the file was cancelled.";

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    private final Path home;
    private final Latest reads = new Latest();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SheetPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SheetInfo> sheets = FXCollections.observableArrayList();
    private final ObservableList<SourceIssue> issues = FXCollections.observableArrayList();
    private final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> headerRow = new SimpleObjectProperty<>();
    private final ObjectProperty<String> encoding = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper issuesNote = new ReadOnlyStringWrapper(NOTHING_UNUSUAL);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper(READING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper csv = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canProceed;
    private final BooleanBinding canReadAgain;
    /** How the preview on screen was read: its rows stay on screen while only another header row fails. */
    private SourceOptions shownOptions;
    /** Set while a read's results are written back, so those writes do not start another read. */
    private boolean applying;

    /** {@code home} is the data directory, where the shipped samples are copied to. */
    public SourceViewModel(Workbench workbench, TaskRunner tasks, SettingsStore settings, Path home) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.settings = settings;
        this.home = home;
        canProceed = Bindings.createBooleanBinding(() -> preview.get() != null && error.get() == null
                && !loading.get(), preview, error, loading);
        canReadAgain = Bindings.createBooleanBinding(() -> file.get() != null && error.get() != null
                && !loading.get(), file, error, loading);
        sheet.addListener((obs, old, now) -> optionChanged(true));
        headerRow.addListener((obs, old, now) -> optionChanged(false));
        encoding.addListener((obs, old, now) -> optionChanged(false));
        delimiter.addListener((obs, old, now) -> optionChanged(false));
        workbench.sourceFileProperty().addListener((obs, old, now) -> sourceChanged(now));
        sourceChanged(workbench.sourceFileProperty().get());
    }

    /** The file on screen; null shows the start page. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The last successful read: inspection plus the sheet's first rows; null before one. */
    public ReadOnlyObjectProperty<SheetPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Every sheet of the file, hidden ones included (flagged). */
    public ObservableList<SheetInfo> sheets() {
        return sheets;
    }

    /** What the reader noticed on the chosen sheet: renamed headers, merged cells, impossible dates, ... */
    public ObservableList<SourceIssue> issues() {
        return issues;
    }

    /** The chosen sheet's name; changing it re-detects the header row. */
    public ObjectProperty<String> sheetProperty() {
        return sheet;
    }

    /** The 1-based header row; null means "detect". */
    public ObjectProperty<Integer> headerRowProperty() {
        return headerRow;
    }

    /** The CSV encoding name; null means "detect". */
    public ObjectProperty<String> encodingProperty() {
        return encoding;
    }

    /** The CSV delimiter; null means "detect". */
    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    /** One line on the file: format, encoding, delimiter, header row, row and column counts. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the list of the reader's notes says when it is empty: nothing unusual, or nothing read to note on. */
    public ReadOnlyStringProperty issuesNoteProperty() {
        return issuesNote.getReadOnlyProperty();
    }

    /** Why the file could not be read with these options, as one sentence; null when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the empty preview says: the file is being read, could not be read, or its reading was cancelled. */
    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    /**
     * True when the last read failed or was cancelled: the steward may read the file again as it is now (closed in
     * Excel, copied over, or simply not cancelled this time).
     */
    public BooleanBinding canReadAgainProperty() {
        return canReadAgain;
    }

    /** Reads the file again with the current options, after a failed or cancelled read. */
    public void readAgain() {
        if (canReadAgain.get()) {
            reload();
        }
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when the file was read with the current options and the steward may go on to mapping. */
    public BooleanBinding canProceedProperty() {
        return canProceed;
    }

    /** Whether the file is a CSV, whose encoding and delimiter may be chosen; known after the first read. */
    public ReadOnlyBooleanProperty csvProperty() {
        return csv.getReadOnlyProperty();
    }

    public boolean isCsv() {
        return csv.get();
    }

    /** The recent files that still exist, newest first. */
    public List<Path> recentFiles() {
        return settings.settings().recentFiles().stream().filter(Files::isRegularFile).toList();
    }

    /** The recent reviews that still exist, newest first: a steward picks up yesterday's work from the start page. */
    public List<Path> recentReviews() {
        return settings.settings().recentReviews().stream().filter(Files::isRegularFile).toList();
    }

    /** How a recent file reads on the start page: its name, then its folder. */
    public static String recentLabel(Path file) {
        return file.getFileName() + "   —   " + file.getParent();
    }

    /** Where the Open dialog starts: the folder of the last file opened, if it still exists; else null. */
    public Path lastDirectory() {
        Path last = settings.settings().lastDirectory();
        return last != null && Files.isDirectory(last) ? last : null;
    }

    /** A sheet as the sheet picker shows it: its name, whether it is hidden, and its row count when known. */
    public String sheetLabel(String name) {
        SheetInfo info = sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        if (info == null) {
            return name;
        }
        String rows = info.rows() < 0 ? "" : String.format("  (%,d rows)", info.rows());
        return name + (info.hidden() ? "  [hidden]" : "") + rows;
    }

    /**
     * Takes a header row typed by the steward: a whole number from 1 becomes the header row (reading the file again
     * if it changed); false for anything else, and the field shows the current header row again.
     */
    public boolean headerRowTyped(String text) {
        try {
            int row = Integer.parseInt(text.strip());
            if (row < 1) {
                return true;
            }
            if (!Objects.equals(row, headerRow.get())) {
                headerRow.set(row);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Opens a saved review in the Review step. */
    public void openReview(Path review) {
        workbench.openReview(review);
    }

    /** Opens a source file, remembering it among the recent files; false when the steward kept the profile instead. */
    public boolean open(Path source) {
        if (!workbench.openSource(source)) {
            return false;
        }
        settings.settings().fileOpened(source);
        settings.saveLater();
        return true;
    }

    /**
     * Copies a shipped sample to the data directory and opens it; its profile becomes the suggested profile file,
     * so the Mapping step offers to load it with one click.
     */
    public void openSample(Samples.Sample sample) {
        tasks.run("Opening the sample " + sample.title(), ctx -> Samples.extract(sample, home),
                extracted -> {
                    settings.settings().samplesOffered(true);
                    if (open(extracted)) {
                        workbench.profileFileProperty().set(Samples.profileOf(sample, home));
                    }
                });
    }

    /** Re-reads the file with the current options. */
    public void reload() {
        Path source = file.get();
        if (source == null) {
            return;
        }
        Latest.Request request = reads.next();
        SourceOptions options = options();
        loading.set(true);
        error.set(null);
        issuesNote.set(READING);
        previewNote.set(READING);
        TaskHandle reading = request.track(tasks.run("Reading " + source.getFileName(),
                ctx -> SheetPreview.read(source, options, ctx), read -> apply(read, options),
                failure -> failedRead(options, ErrorText.sentence(failure), UNREADABLE)));
        // a read stopped with Cancel in the status bar leaves no result; without this the step would say "Reading
        // the file…" for ever. A read cancelled because a newer one started is that one's business.
        reading.whenCancelled(() -> {
            if (request.isCurrent()) {
                failedRead(options, "Reading " + source.getFileName() + " was cancelled; read it again, or choose a"
                        + " reading option.", CANCELLED);
            }
        });
    }

    /**
     * A read with {@code options} gave nothing, for the reason given. The sheet list and the CSV flag stay, so the
     * steward can pick other options and retry; the rows stay when only the header row failed (one past the end),
     * so that one can be double-clicked.
     */
    private void failedRead(SourceOptions options, String reason, String note) {
        if (!sameRows(options)) {
            preview.set(null);
            shownOptions = null;
        }
        issues.clear();
        issuesNote.set(NOTHING_READ);
        summary.set("");
        previewNote.set(note);
        loading.set(false);
        error.set(reason);
    }

    /** Whether a read with {@code options} shows the rows on screen: the same sheet, encoding and delimiter. */
    private boolean sameRows(SourceOptions options) {
        SheetPreview shown = preview.get();
        return shown != null && shownOptions != null
                && Objects.equals(options.sheet(), shown.inspection().defaultSheet())
                && Objects.equals(options.encoding(), shownOptions.encoding())
                && Objects.equals(options.delimiter(), shownOptions.delimiter());
    }

    /** How the file is read now; the header row and sheet as chosen or last detected. */
    public SourceOptions options() {
        Charset charset = encoding.get() == null ? null : Charset.forName(encoding.get());
        return new SourceOptions(sheet.get(), headerRow.get(), false, charset, delimiter.get());
    }

    /** Stores how to read the file and what was found in the workbench and moves on to the Mapping step. */
    public void next() {
        if (!canProceed.get()) {
            return;
        }
        SourceInspection inspection = preview.get().inspection();
        workbench.sourceOptionsProperty().set(new SourceOptions(inspection.defaultSheet(),
                (int) inspection.headerRow(), false, options().encoding(), options().delimiter()));
        workbench.inspectionProperty().set(inspection);
        workbench.stepProperty().set(Step.MAPPING);
    }

    private void sourceChanged(Path now) {
        reads.supersede();
        applying = true;
        try {
            sheet.set(null);
            headerRow.set(null);
            encoding.set(null);
            delimiter.set(null);
        } finally {
            applying = false;
        }
        preview.set(null);
        shownOptions = null;
        csv.set(false);
        sheets.clear();
        issues.clear();
        issuesNote.set(NOTHING_UNUSUAL);
        summary.set("");
        error.set(null);
        loading.set(false);
        file.set(now);
        reload();
    }

    private void optionChanged(boolean sheetChanged) {
        if (applying) {
            return;
        }
        if (sheetChanged) {
            applying = true;
            headerRow.set(null);
            applying = false;
        }
        reload();
    }

    private void apply(SheetPreview read, SourceOptions options) {
        SourceInspection inspection = read.inspection();
        applying = true;
        try {
            if (!sheets.equals(inspection.sheets())) {
                sheets.setAll(inspection.sheets());
            }
            sheet.set(inspection.defaultSheet());
            headerRow.set(inspection.headerRow() > 0 ? (int) inspection.headerRow() : null);
        } finally {
            applying = false;
        }
        issues.setAll(inspection.issues());
        csv.set(inspection.format() == SourceFormat.CSV);
        summary.set(describe(inspection));
        issuesNote.set(NOTHING_UNUSUAL);
        loading.set(false);
        shownOptions = options;
        preview.set(read);
    }

    static String describe(SourceInspection i) {
        StringBuilder b = new StringBuilder(i.format().name());
        if (i.encoding() != null) {
            b.append(" · ").append(i.encoding());
        }
        if (i.delimiter() != null) {
            b.append(" · delimiter ").append(delimiterName(i.delimiter()));
        }
        b.append(" · header in row ").append(i.headerRow()).append(" · ").append(i.columns().size())
                .append(" columns");
        // the sheet's own count of data rows: the rows validation reads, blank rows above the header not among them
        i.sheets().stream().filter(s -> Objects.equals(s.name(), i.defaultSheet()) && s.isCounted()).findFirst()
                .ifPresent(s -> b.append(String.format(" · %,d rows below the header", s.dataRows())));
        return b.toString();
    }

    /** How a delimiter reads in a label: TAB spelled out, others quoted. */
    public static String delimiterName(Character c) {
        if (c == null) {
            return "Detect";
        }
        return switch (c) {
            case '\t' -> "TAB";
            case ',' -> "',' comma";
            case ';' -> "';' semicolon";
            case '|' -> "'|' pipe";
            default -> "'" + c + "'";
        };
    }
}
