package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import javafx.collections.ObservableListBase;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The grid's items: a list as long as the current view (a million rows if need be) that holds only the pages of rows
 * recently on screen. A row whose page is not here yet reads as a placeholder (row number -1) and asks for its page;
 * when the page arrives the grid is told to redraw. A view whose rows are still being counted starts with the rows
 * found so far and {@link #grow}s when the count is known. Used on the JavaFX thread only.
 */
final class PagedRows extends ObservableListBase<GridRow> {

    /** Rows per page read from the review. */
    static final int PAGE = 200;

    /** Pages kept: 30 pages of 200 rows is a few screens up and down without reading again. */
    private static final int KEPT = 30;

    private static final boolean[] NONE = new boolean[0];

    private record Page(List<GridRow> rows, boolean stale) {
    }

    private int size;
    private final IntConsumer fetch;
    private final Map<Integer, Page> pages = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
            return size() > KEPT;
        }
    };
    private final Set<Integer> requested = new HashSet<>();

    /** {@code fetch} is asked for a page number and answers later through {@link #pageArrived}. */
    PagedRows(long size, IntConsumer fetch) {
        this(size, fetch, List.of());
    }

    /** As {@link #PagedRows(long, IntConsumer)}, with the first page already read (none when empty). */
    PagedRows(long size, IntConsumer fetch, List<GridRow> firstPage) {
        this.size = Math.toIntExact(size);
        this.fetch = fetch;
        if (!firstPage.isEmpty()) {
            pages.put(0, new Page(firstPage, false));
        }
    }

    /**
     * The view's rows were counted: the list grows to {@code count} rows, an addition at its end that leaves the
     * rows on screen and the selection as they are. The last page read so far may lack rows found since, so it is
     * read again when shown.
     */
    void grow(long count) {
        int old = size;
        int now = Math.toIntExact(count);
        if (now <= old) {
            return;
        }
        size = now;
        int last = old == 0 ? 0 : (old - 1) / PAGE;
        pages.computeIfPresent(last, (n, p) -> new Page(p.rows(), true));
        requested.remove(last);
        beginChange();
        try {
            nextAdd(old, now);
        } finally {
            endChange();
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public GridRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int number = index / PAGE;
        Page page = pages.get(number);
        if ((page == null || page.stale()) && requested.add(number)) {
            fetch.accept(number);
            page = pages.get(number);
        }
        int offset = index % PAGE;
        return page != null && offset < page.rows().size() ? page.rows().get(offset) : placeholder(index);
    }

    /** The row at {@code index} if its page is here, without asking for it; null otherwise. */
    GridRow loaded(int index) {
        Page page = pages.get(index / PAGE);
        int offset = index % PAGE;
        return page != null && offset < page.rows().size() ? page.rows().get(offset) : null;
    }

    /** Keeps the page and tells the grid its rows changed, so the cells showing them draw again. */
    void pageArrived(int number, List<GridRow> rows) {
        requested.remove(number);
        pages.put(number, new Page(rows, false));
        updated(List.of(number));
    }

    void pageFailed(int number) {
        requested.remove(number);
    }

    /** Rows changed on disk (a decision, an edit): pages stay on screen as they are and are read again when shown. */
    void markStale() {
        pages.replaceAll((n, p) -> new Page(p.rows(), true));
        requested.clear();
        updated(List.copyOf(pages.keySet()));
    }

    /**
     * An update event, not a replacement: the grid re-reads the visible cells in place (no cells rebuilt, the
     * selection kept), and a cell re-reading a stale row asks for its page again.
     */
    private void updated(List<Integer> pageNumbers) {
        if (pageNumbers.isEmpty()) {
            return;
        }
        beginChange();
        try {
            for (int number : pageNumbers) {
                for (int i = number * PAGE; i < Math.min(size, (number + 1) * PAGE); i++) {
                    nextUpdate(i);
                }
            }
        } finally {
            endChange();
        }
    }

    static boolean isPlaceholder(GridRow row) {
        return row.row() < 0;
    }

    private static GridRow placeholder(int index) {
        return new GridRow(index, -1, List.of(), null, List.of(), NONE);
    }
}
