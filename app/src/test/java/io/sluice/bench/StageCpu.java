package io.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a stage's JVM, for a machine whose wall times are noisy: the process's user + system CPU, and each
 * thread's CPU time, sampled while the stage runs (a pipeline thread is gone by the end) and grouped by name.
 */
final class StageCpu implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    /** Each thread's CPU when the stage began: a thread that ran before it (main) counts only from there. */
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final Thread sampler;
    private final long processStart;
    private volatile boolean running = true;

    StageCpu() {
        processStart = processCpu();
        sample();
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
        System.out.println(line);
    }
}
