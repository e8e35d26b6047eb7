package com.disputeassistant.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The counters a measurement is the difference of: time, round trips (in all and by command), this JVM's
 * CPU, the bytes its threads have allocated, Redis's CPU.
 */
record Snapshot(long nanoTime, long roundTrips, Map<String, Long> calls, long jvmCpuNanos, long allocatedBytes,
                double redisCpuMicros) {

    static Snapshot take(CountingRedis redis, RedisInfo info) {
        long roundTrips = redis.roundTrips();
        Map<String, Long> calls = redis.callsByCommand();
        double redisCpu = info.cpuMicros();
        // Taken after the INFO call, which is not part of the load; its own round trip is left out below.
        return new Snapshot(System.nanoTime(), roundTrips, calls, processCpuNanos(), allocatedSoFar(), redisCpu);
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * Bytes allocated so far by the JVM's live threads (HotSpot's per-thread counters, summed). A measured
     * stretch keeps its threads alive until its closing snapshot, so the difference is what they allocated.
     */
    static long allocatedSoFar() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
            long total = 0;
            for (long bytes : hotspot.getThreadAllocatedBytes(hotspot.getAllThreadIds())) {
                total += Math.max(0, bytes);
            }
            return total;
        }
        return 0;
    }
}
