package io.sluice.core.source;

import java.util.List;

/** What a format reader hands the facade: the open table plus what inspection reports about the file. */
record Opened(HeaderedTable table, List<SheetInfo> sheets, String encoding, Character delimiter) {
}
