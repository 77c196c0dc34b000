package io.sluice.bench;

import io.sluice.core.review.ReviewQuery;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.desktop.review.FindingFilter;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measures the review step on a big review: builds (or reuses) a review of a generated file validated with the ds1
 * profile, starts the desktop headless, opens the review and prints the time to the first screen of the grid, to a
 * filter, a text search, a sort and a jump deep into the rows, then the cleaning tools (a column's statistics, a find
 * and replace over about 86,000 cells and its undo), the longest gap between two JavaFX pulses during each, and the
 * peak heap. A step ends when a row of the grid shows its new first row: laid out, not only read. Not a test: run it
 * by hand (see the README) with the test classpath, which has Monocle.
 * <p>
 * Arguments: {@code [directory] [rows] [review]}, by default {@code target/desktop-bench 1000000}; a third argument
 * {@code review} stops after the review steps (no cleaning). Each step prints the instant it started, to find it in a
 * flight recording. From the repository root:
 * <pre>
 * mvn -q -Pbench -DskipTests package
 * java -Xmx256m -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
 *     io.sluice.bench.DesktopBenchmark app/target/desktop-bench 1000000
 * </pre>
 */
public final class DesktopBenchmark {

    private static final long TIMEOUT_SECONDS = 300;

    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong longestGap = new AtomicLong();
    /** The JavaFX thread's CPU time between the two pulses of {@link #longestGap}: work, not waiting for a CPU. */
    private final AtomicLong longestGapCpu = new AtomicLong();
    private final AtomicLong lastPulseCpu = new AtomicLong();
    /**
     * The renderer thread's CPU time in {@link #longestGap}: a pulse first waits for the frame before it to be painted,
     * and with the software renderer the tests and benchmarks use, painting a screen of text takes tens of ms.
     */
    private final AtomicLong longestGapRenderCpu = new AtomicLong();
    private final AtomicLong lastPulseRenderCpu = new AtomicLong();
    /** The wall-clock instant (epoch ms) when {@link #longestGap} began, to find it in a flight recording. */
    private final AtomicLong longestGapFrom = new AtomicLong();
    private final AtomicLong lastPulseAt = new AtomicLong();
    private volatile long renderThread = -1;
    private final AtomicLong flowGap = new AtomicLong();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long fxThread;
    /** When the cold first screen's first rows were read, before the grid laid them out; 0 until then. */
    private volatile long firstRowsArrived;
    private volatile long firstRowsLaidOut;
    /** When the grid's rows first filled it, the whole first screen; 0 until then. */
    private volatile long gridFilled;
    /** How many columns the grid had when it first laid out rows. */
    private volatile int columnsAtFirstLayout;
    /** The JavaFX thread's CPU time in the pulse that first laid out rows. */
    private volatile long firstLayoutCpu;
    /** Every pulse gap of the cold first screen while {@link #tracing}: when it began, its length, its JavaFX CPU. */
    private final Queue<long[]> openingGaps = new ConcurrentLinkedQueue<>();
    private volatile boolean tracing;
    private Stage stage;
    private DesktopShell shell;

    private DesktopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/desktop-bench").toAbsolutePath();
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        boolean reviewOnly = args.length > 2 && "review".equals(args[2]);
        Files.createDirectories(dir);
        headless(dir);
        Path review = dir.resolve("mixes-" + rows + ".sluice");
        if (!Files.exists(review)) {
            BenchReviews.build(dir, rows, review);
        }
        new DesktopBenchmark().run(review, dir.resolve("home"), reviewOnly);
        System.exit(0);
    }

    /** Monocle's headless screen and software rendering, as the TestFX tests use them; set before JavaFX starts. */
    private static void headless(Path dir) {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        System.setProperty("java.awt.headless", "true");
        System.setProperty("sluice.home", System.getProperty("sluice.home", dir.resolve("home").toString()));
    }

    private void run(Path review, Path home, boolean reviewOnly) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> {
            fxThread = Thread.currentThread().getId();
            stage = new Stage();
            shell = DesktopShell.open(stage, home, dialogs);
            stage.setWidth(1280);
            stage.setHeight(800);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long renderCpu = renderCpu();
                    long last = lastPulse.getAndSet(now);
                    long lastCpu = lastPulseCpu.getAndSet(cpu);
                    long lastRenderCpu = lastPulseRenderCpu.getAndSet(renderCpu);
                    long lastAt = lastPulseAt.getAndSet(System.currentTimeMillis());
                    if (tracing && last > 0) {
                        openingGaps.add(new long[] {last, now - last, cpu - lastCpu});
                    }
                    if (last > 0 && now - last > longestGap.get()) {
                        longestGap.set(now - last);
                        longestGapCpu.set(cpu - lastCpu);
                        longestGapRenderCpu.set(renderCpu - lastRenderCpu);
                        longestGapFrom.set(lastAt);
                    }
                }
            }.start();
            started.complete(null);
        });
        // on a loaded machine JavaFX alone may take longer than 30 s to start
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        resetPeaks();
        longestGap.set(0);

        long opening = System.nanoTime();
        tracing = true;
        TableView<?> grid = measure("First screen of the grid (open the review, count, first page)",
                () -> shell.context().workbench().openReview(review),
                () -> gridShowing());
        // polled every 5 ms between pulses: both at once when the pulse that lays the rows out came before the poll
        System.out.printf(Locale.ROOT, "  ... its first rows seen read %.0f ms after the start, laid out by the grid"
                + " %.0f ms after the start, with %d columns, in a pulse of %.0f ms cpu on the JavaFX thread; the grid"
                + " filled %.0f ms after the start%n", (firstRowsArrived - opening) / 1e6,
                (firstRowsLaidOut - opening) / 1e6, columnsAtFirstLayout, firstLayoutCpu / 1e6,
                (gridFilled - opening) / 1e6);
        tracing = false;
        // the gaps of the step's stretches of work: switching to the step, its CSS pass, the grid's first layouts
        System.out.printf(Locale.ROOT, "  ... its pulse gaps of 30 ms or more (from the start: gap, of it cpu on the"
                + " JavaFX thread): %s%n", gapsFrom(opening));
        System.out.printf(Locale.ROOT, "  ... its nodes: %s%n", callFx(() -> nodes(grid)));
        if (callFx(this::counting)) {
            waitOnFx(() -> counting() ? null : grid);
            System.out.printf(Locale.ROOT, "  ... rows counted: %s, %.0f ms after the start%n",
                    callFx(() -> ((Label) lookup("#count-shown")).getText()), (System.nanoTime() - opening) / 1e6);
        }
        long openingGap = flowGap.getAndSet(0);
        onFx(() -> {
            ComboBox<FindingFilter> findings = lookup("#finding-filter");
            findings.setValue(FindingFilter.ERRORS);
            return null;
        }, "Filter: rows with errors", grid);
        onFx(() -> {
            ComboBox<FindingFilter> findings = lookup("#finding-filter");
            findings.setValue(FindingFilter.ALL);
            return null;
        }, "Filter off again (all rows)", grid);
        onFx(() -> {
            TextField search = lookup("#search-field");
            search.setText("DS1-0005");
            search.getOnAction().handle(null);
            return null;
        }, "Text search in every cell", grid);
        onFx(() -> {
            TextField search = lookup("#search-field");
            search.setText("");
            search.getOnAction().handle(null);
            return null;
        }, "Search cleared (all rows)", grid);
        // the matches above are near the top of the file; these are at its end, so without the search index (built
        // in the background after the review opens, decision 0044) every row is read before them
        System.out.printf(Locale.ROOT, "  (search index: %s)%n", searchIndexState(review));
        onFx(() -> {
            TextField search = lookup("#search-field");
            search.setText("DS1-9999");
            search.getOnAction().handle(null);
            return null;
        }, "Text search, matches only in the last rows", grid);
        onFx(() -> {
            TextField search = lookup("#search-field");
            search.setText("");
            search.getOnAction().handle(null);
            return null;
        }, "Search cleared again", grid);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<Object> table = (TableView<Object>) grid;
            TableColumn<Object, ?> cement = table.getColumns().stream().filter(c -> "col-1".equals(c.getId()))
                    .findFirst().orElseThrow();
            cement.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(cement));
            return null;
        }, "Sort all rows by Cement (numeric, descending)", grid);
        measure("Jump to the middle of the rows", () -> grid.scrollTo(grid.getItems().size() / 2),
                () -> loadedAt(grid.getItems().size() / 2) ? grid : null);
        openingGaps.clear();
        long reopening = System.nanoTime();
        tracing = true;
        onFx(() -> {
            shell.context().workbench().reviewProperty().set(null);
            shell.context().workbench().openReview(review);
            return null;
        }, "First screen again (close and re-open the review, warm)", grid);
        tracing = false;
        System.out.printf(Locale.ROOT, "  ... its pulse gaps of 30 ms or more (from the start: gap, of it cpu on the"
                + " JavaFX thread): %s%n", gapsFrom(reopening));

        long reviewGap = flowGap.getAndSet(0);
        if (!reviewOnly) {
            cleaning(grid);
        }

        System.out.printf(Locale.ROOT, "Rows in the review: %,d%n", (long) callFx(() -> grid.getItems().size()));
        System.out.printf(Locale.ROOT, "Longest gap between JavaFX pulses while the screen is built and opened"
                + " (cold: FXML, CSS, first layout): %.0f ms%n", openingGap / 1e6);
        System.out.printf(Locale.ROOT, "Longest gap between JavaFX pulses during filters, search, sort and jump:"
                + " %.0f ms%n", reviewGap / 1e6);
        System.out.printf(Locale.ROOT, "Longest gap between JavaFX pulses during the cleaning steps: %.0f ms%n",
                flowGap.get() / 1e6);
        System.out.printf(Locale.ROOT, "Peak heap: %.0f MB (max heap %d MB)%n", peakHeap() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            shell.close();
            stage.hide();
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
        Platform.exit();
    }

    /**
     * The cleaning tools from the screen, as the steward uses them: the Column tab's statistics of a column, a find
     * and replace from the Fix values menu (its dialog answered in advance, its preview confirmed) over about 86,000
     * cells of Mix Code, and its undo from the toolbar. Each time runs until the screen shows the outcome.
     */
    private void cleaning(TableView<?> grid) throws Exception {
        measure("Column tab: statistics of Cement (numbers, histogram)", () -> {
            TabPane side = lookup("#side-tabs");
            side.getSelectionModel().select(side.getTabs().stream().filter(t -> "stats-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
            focus(grid, "col-1");
        }, () -> statusStarts("'Cement (kg/m3)':"));
        measure("Column tab: statistics of Supplier (20 values)", () -> focus(grid, "col-13"),
                () -> statusStarts("'Supplier':"));
        // the Column tab would count Mix Code's million distinct values again after each change; Findings instead
        callFx(() -> {
            TabPane side = lookup("#side-tabs");
            side.getSelectionModel().select(0);
            return null;
        });
        dialogs.answer(List.of("DS1-0", "DS1-O", "Literal text", "Anywhere in the cell"));
        measure("Fix values > Find and replace 'DS1-0' in Mix Code, re-validated", () -> {
            focus(grid, "col-0");
            MenuButton fix = lookup("#fix-button");
            fix.getItems().stream().filter(i -> "fix-find-replace".equals(i.getId())).findFirst().orElseThrow()
                    .fire();
        }, () -> lastActionContains("cells changed") && loadedAt(0) ? grid : null);
        System.out.printf(Locale.ROOT, "  %s%n", callFx(() -> ((Label) lookup("#last-action")).getText()));
        measure("Undo of that fix (toolbar)", () -> {
            Button undo = lookup("#undo-button");
            undo.fire();
        }, () -> lastActionContains("Undone") && loadedAt(0) ? grid : null);
    }

    /** The pulse gaps of 30 ms or more traced since {@code start}: when each began, its length, its JavaFX CPU. */
    private String gapsFrom(long start) {
        return openingGaps.stream().filter(g -> g[1] >= 30_000_000L).map(g -> String.format(Locale.ROOT,
                "%+.0f: %.0f/%.0f", (g[0] - start) / 1e6, g[1] / 1e6, g[2] / 1e6)).collect(Collectors.joining(", "));
    }

    private void focus(TableView<?> grid, String columnId) {
        @SuppressWarnings("unchecked")
        TableView<Object> table = (TableView<Object>) grid;
        TableColumn<Object, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                .findFirst().orElseThrow();
        table.getFocusModel().focus(0, column);
    }

    private Object statusStarts(String prefix) {
        Label status = lookup("#stats-status");
        return status != null && status.getText() != null && status.getText().startsWith(prefix) ? status : null;
    }

    private boolean lastActionContains(String text) {
        Label last = lookup("#last-action");
        return last != null && last.getText() != null && last.getText().contains(text);
    }

    /** Answers the desktop's questions as given in advance: every confirmation yes, each form with the next answers. */
    private static final class ScriptedDialogs implements DialogService {

        private volatile List<String> form = List.of();

        void answer(List<String> answers) {
            form = answers;
        }

        @Override
        public boolean confirm(String header, String text, String confirmLabel) {
            return true;
        }

        @Override
        public Optional<String> askReason(String header, String prompt, String initial) {
            return Optional.of("benchmark");
        }

        @Override
        public void inform(String header, String text) {
        }

        @Override
        public Optional<List<String>> askForm(String header, String text, List<Field> fields,
                                              String confirmLabel) {
            return Optional.of(form);
        }
    }

    /**
     * Changes the view on the JavaFX thread and waits until the grid shows its new first rows; then, when the rows
     * are still being counted, until the count is shown, and prints how long that took from the change.
     */
    private void onFx(Supplier<Void> change, String what, TableView<?> grid) throws Exception {
        Object before = callFx(grid::getItems);
        long start = System.nanoTime();
        measure(what, () -> change.get(), () -> {
            Object now = grid.getItems();
            return now != before && loadedAt(0) ? grid : null;
        });
        if (callFx(this::counting)) {
            waitOnFx(() -> counting() ? null : grid);
            System.out.printf(Locale.ROOT, "  ... rows counted: %s, %.0f ms after the change%n",
                    callFx(() -> ((Label) lookup("#count-shown")).getText()), (System.nanoTime() - start) / 1e6);
        }
    }

    private boolean counting() {
        Label shown = lookup("#count-shown");
        return shown != null && shown.getText() != null && shown.getText().contains("counting");
    }

    private <T> T measure(String what, Runnable action, Supplier<T> done) throws Exception {
        long fxCpu = threads.getThreadCpuTime(fxThread);
        long processCpu = processCpu();
        long start = System.nanoTime();
        long gapBefore = callFx(() -> {
            long gap = longestGap.getAndSet(0);
            longestGapFrom.set(0);
            longestGapCpu.set(0);
            longestGapRenderCpu.set(0);
            return gap;
        });
        String startedAt = Instant.now().toString();
        Platform.runLater(action);
        T result = waitOnFx(done);
        long elapsed = System.nanoTime() - start;
        // let the grid draw what arrived, so that its pulse counts towards this step
        Thread.sleep(100);
        long gap = callFx(longestGap::get);
        // the JavaFX thread's own CPU time tells work on it from a pulse that waited for a busy processor
        System.out.printf(Locale.ROOT, "%-58s %6.0f ms   (longest pulse gap %4.0f ms, of it %4.0f ms cpu on the"
                + " JavaFX thread, %3.0f ms on the renderer; cpu: JavaFX thread %5.0f ms, whole process %6.0f ms;"
                + " from %s, the gap from %s)%n", what, elapsed / 1e6, gap / 1e6, longestGapCpu.get() / 1e6,
                longestGapRenderCpu.get() / 1e6,
                (threads.getThreadCpuTime(fxThread) - fxCpu) / 1e6, (processCpu() - processCpu) / 1e6, startedAt,
                Instant.ofEpochMilli(longestGapFrom.get()));
        longestGap.set(Math.max(gap, gapBefore));
        flowGap.accumulateAndGet(gap, Math::max);
        return result;
    }

    /** Polls on the JavaFX thread (every 5 ms) until {@code done} gives a value: what the user would see. */
    private static <T> T waitOnFx(Supplier<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            T value = callFx(done::get);
            if (value != null) {
                return value;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The screen did not get there in " + TIMEOUT_SECONDS + " s.");
    }

    private static <T> T callFx(Supplier<T> call) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.set(call.get());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return value.get();
    }

    private TableView<?> gridShowing() {
        TableView<?> grid = lookup("#review-grid");
        if (grid == null || grid.getItems().isEmpty() || !arrived(grid, 0) || !onScreen(grid)) {
            return null;
        }
        if (firstRowsArrived == 0) {
            firstRowsArrived = System.nanoTime();
        }
        if (!laidOut(grid, 0)) {
            return null;
        }
        if (firstRowsLaidOut == 0) {
            firstRowsLaidOut = System.nanoTime();
            columnsAtFirstLayout = grid.getColumns().size();
            // polled between pulses: since the last pulse began, the JavaFX thread ran that pulse and this poll
            firstLayoutCpu = threads.getCurrentThreadCpuTime() - lastPulseCpu.get();
        }
        if (!filled(grid)) {
            return null;
        }
        gridFilled = System.nanoTime();
        return grid;
    }

    /**
     * Whether the grid's rows reach down to its bottom edge (above its horizontal scroll bar), or every row of the
     * view is shown: the whole first screen, not only its first rows (a grid may make its rows over a few pulses).
     */
    private static boolean filled(TableView<?> grid) {
        double bottom = grid.localToScene(grid.getLayoutBounds()).getMaxY() - grid.snappedBottomInset();
        for (Node node : grid.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && onScreen(bar)) {
                bottom -= bar.getHeight();
            }
        }
        double lowest = 0;
        int shown = 0;
        for (Node node : grid.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0 && row.getItem() != null) {
                shown++;
                lowest = Math.max(lowest, row.localToScene(row.getLayoutBounds()).getMaxY());
            }
        }
        return shown >= grid.getItems().size() || lowest >= bottom - 1;
    }

    /**
     * Whether the row at a position has arrived and the grid has laid it out: a visible grid row shows it. Called
     * between pulses, so the pulse that made and styled the row's cells has ended; until then the screen still shows
     * the rows before, and that pulse's gap belongs to this step, not to the next. The grid's rows must fill it too.
     */
    private boolean loadedAt(int position) {
        TableView<?> grid = lookup("#review-grid");
        return grid != null && arrived(grid, position) && laidOut(grid, position) && filled(grid);
    }

    /** Whether a node and every parent of it is visible: the screen shows it, not only its own flag. */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the row at a position has been read (asking for its page if it has not). */
    private static boolean arrived(TableView<?> grid, int position) {
        return grid.getItems().size() > position && grid.getItems().get(position) instanceof ReviewQuery.GridRow row
                && row.row() >= 0;
    }

    /** Whether a visible grid row shows the row at a position: the grid gives its rows their items as it lays out. */
    private static boolean laidOut(TableView<?> grid, int position) {
        Object item = grid.getItems().get(position);
        for (Node node : grid.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> shown && shown.isVisible() && shown.getIndex() == position
                    && shown.getItem() == item) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many nodes the screen has, how many of them are the grid's, and of those how many are its visible rows,
     * their cells and the column headers: what the first layout makes and styles.
     */
    private String nodes(TableView<?> grid) {
        int rows = 0;
        int cells = 0;
        for (Node node : grid.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0) {
                rows++;
                cells += (int) row.getChildrenUnmodifiable().stream().filter(n -> n instanceof IndexedCell<?>)
                        .count();
            }
        }
        return String.format(Locale.ROOT, "%,d in the scene, %,d in the grid (%d rows shown with %d cells in the"
                + " scene graph, %d column headers, %d columns)", count(stage.getScene().getRoot()), count(grid),
                rows, cells, grid.lookupAll(".column-header").size(), grid.getColumns().size());
    }

    private static int count(Node node) {
        int n = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private <T> T lookup(String id) {
        return (T) stage.getScene().lookup(id);
    }

    /** How far the review's search index is built, read on a connection of its own. */
    private static String searchIndexState(Path review) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + review + "?open_mode=1");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT (SELECT value FROM review_meta WHERE key ="
                     + " 'search_index_rows'), (SELECT max(row_no) FROM source_row)")) {
            rs.next();
            String indexed = rs.getString(1);
            long last = rs.getLong(2);
            return indexed == null ? "not begun" : Long.parseLong(indexed) >= last ? "complete"
                    : String.format(Locale.ROOT, "up to row %,d of %,d", Long.parseLong(indexed), last);
        } catch (java.sql.SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The CPU time of JavaFX's renderer thread ("QuantumRenderer-0"), once it has started; 0 before. */
    private long renderCpu() {
        if (renderThread < 0) {
            renderThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst()
                    .orElse(-1);
        }
        return renderThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread));
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
