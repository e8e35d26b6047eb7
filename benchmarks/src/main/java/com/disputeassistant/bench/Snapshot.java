package com.disputeassistant.bench;

import java.lang.management.ManagementFactory;

/** The counters a measurement is the difference of: time, round trips, this JVM's CPU, Redis's CPU. */
record Snapshot(long nanoTime, long roundTrips, long jvmCpuNanos, double redisCpuMicros) {

    static Snapshot take(CountingRedis redis, RedisInfo info) {
        long roundTrips = redis.roundTrips();
        double redisCpu = info.cpuMicros();
        // Taken after the INFO call, which is not part of the load; its own round trip is left out below.
        return new Snapshot(System.nanoTime(), roundTrips, processCpuNanos(), redisCpu);
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
