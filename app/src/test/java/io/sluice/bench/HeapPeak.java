package io.sluice.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap a stage held at any one moment: the heap's occupancy just before each collection (it only grows
 * between collections) and at the moment of reading. Summing each pool's own peak instead would add peaks reached
 * at different times, and could show more than the heap's limit.
 */
final class HeapPeak {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final AtomicLong PEAK = new AtomicLong();
    private static boolean listening;

    private HeapPeak() {
    }

    /** Starts over from the heap in use now; the first call starts listening to the collections. */
    static synchronized void reset() {
        if (!listening) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                    .from((CompositeData) notification.getUserData());
                            raise(inHeapPools(info));
                        }
                    }, null, null);
                }
            }
            listening = true;
        }
        PEAK.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The peak since {@link #reset}, in bytes. */
    static long bytes() {
        raise(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return PEAK.get();
    }

    private static long inHeapPools(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                used += usage.getUsed();
            }
        }
        return used;
    }

    private static void raise(long bytes) {
        PEAK.accumulateAndGet(bytes, Math::max);
    }
}
