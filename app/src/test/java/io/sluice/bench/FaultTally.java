package io.sluice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Counts planted faults while a file is written, keeping the first few thousand so memory stays bounded. */
final class FaultTally {

    static final int KEPT = 10_000;

    private final Map<Fault, Long> counts = new EnumMap<>(Fault.class);
    private final List<InjectedFault> kept = new ArrayList<>();
    private long rows;

    /** Counts a written row; {@code asWritten} gives a fault the faulty cell's text as the file shows it. */
    void add(MixRow row, UnaryOperator<InjectedFault> asWritten) {
        rows++;
        InjectedFault fault = row.fault();
        if (fault == null) {
            return;
        }
        counts.merge(fault.fault(), 1L, Long::sum);
        if (kept.size() < KEPT) {
            kept.add(asWritten.apply(fault));
        }
    }

    GenerationReport report(Path file, long firstDataRow) {
        return new GenerationReport(file, rows, firstDataRow, Collections.unmodifiableMap(new EnumMap<>(counts)),
                List.copyOf(kept));
    }
}
