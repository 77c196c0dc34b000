package io.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a stage's JVM, for a machine whose wall times are noisy: the process's user + system CPU, and each
 * thread's CPU time, sampled while the stage runs (a pipeline thread is gone by the end) and grouped by name; on
 * Linux also the JVM's own threads (the C2 and C1 compilers, the collector), read from {@code /proc/self/task}.
 */
final class StageCpu implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    /** Each thread's CPU when the stage began: a thread that ran before it (main) counts only from there. */
    private final Map<Long, Long> startCpu = new HashMap<>();
    /** The JVM's own threads by task id: their group (C2, C1, GC) and CPU ticks, first and last seen. */
    private final Map<String, String> nativeGroups = new HashMap<>();
    private final Map<String, Long> nativeStart = new HashMap<>();
    private final Map<String, Long> nativeLast = new HashMap<>();
    private boolean firstSample = true;
    private final Thread sampler;
    private final long processStart;
    private volatile boolean running = true;

    StageCpu() {
        processStart = processCpu();
        sample();
        sampleNativeThreads();
        firstSample = false;
        startCpu.putAll(lastCpu);
        sampler = new Thread(this::sampleUntilClosed, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                lastCpu.put(info.getThreadId(), cpu);
            }
        }
    }

    /**
     * The compiler and collector threads' CPU ticks (utime + stime of /proc/self/task/N/stat), at the start and the
     * end only (these threads live as long as the JVM with two cores' one C1 and one C2); nothing elsewhere.
     */
    private void sampleNativeThreads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String group = name.startsWith("C2 Compiler") ? "C2" : name.startsWith("C1 Compiler") ? "C1"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")
                        ? "GC/VM" : null;
                if (group == null) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                String id = task.getFileName().toString();
                nativeGroups.put(id, group);
                // a compiler thread started during the stage counts from zero
                nativeStart.putIfAbsent(id, firstSample ? ticks : 0L);
                nativeLast.put(id, ticks);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's threads stay one figure
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Prints one line: the process's CPU during the stage, then the Java threads' CPU by name, largest first. */
    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        sample();
        sampleNativeThreads();
        double process = (processCpu() - processStart) / 1e9;
        Map<String, Long> byName = new TreeMap<>();
        synchronized (this) {
            lastCpu.forEach((id, cpu) -> byName.merge(names.get(id), cpu - startCpu.getOrDefault(id, 0L),
                    Long::sum));
        }
        long javaThreads = byName.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "cpu %.2f s: the JVM's own threads (JIT "
                + "compilers, GC) %.2f, Java threads:", process, process - javaThreads / 1e9));
        byName.entrySet().stream().filter(e -> e.getValue() >= 50_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue() / 1e9)));
        Map<String, Long> jvm = new TreeMap<>();
        synchronized (this) {
            nativeLast.forEach((id, ticks) -> jvm.merge(nativeGroups.get(id), ticks - nativeStart.get(id), Long::sum));
        }
        if (!jvm.isEmpty()) {
            // clock ticks of 10 ms, the kernel's USER_HZ on Linux
            line.append("; the JVM's threads:");
            jvm.forEach((group, ticks) -> line.append(String.format(Locale.ROOT, " %s %.2f", group, ticks / 100.0)));
        }
        System.out.println(line);
    }
}
