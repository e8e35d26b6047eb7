package com.disputeassistant.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each figure runs. {@link #quick()} is a smoke run of a minute or two; {@link #full()}
 * is the run for BENCHMARKS.md, about ten minutes on two cores.
 *
 * @param concurrency     driver threads, and Redis connections in the pool
 * @param openDisputes    disputes in flight (lanes), each going through the whole script again and again
 * @param jitWarmUp       unmeasured load before figure 1, until the JIT has compiled the engine's hot paths
 *                        (the per-figure warm-up alone left the first figure a third slower than the later ones)
 * @param ratePerSecond   the fixed offered rate of messages for the latency figure
 * @param growth          open disputes in Redis for the growth figure, smallest first
 * @param channelUsers    people per channel in the end-to-end figure
 * @param slackRate       Slack messages per second offered end to end (the outbox sends at most 20 a second)
 * @param telegramRate    Telegram messages per second offered end to end (at most 30 a second)
 * @param ackRate         signed Slack requests per second for the ack-time figure
 * @param startupRuns     launches of the jar for the start-up figure
 */
record BenchSettings(String name, int concurrency, int openDisputes, Duration jitWarmUp, int ratePerSecond,
                     Duration warmUp,
                     Duration measure, List<Integer> growth, int channelUsers, int slackRate, int telegramRate,
                     int ackRate, Duration channelMeasure, int startupRuns) {

    static BenchSettings quick() {
        return new BenchSettings("quick", 16, 1_000, Duration.ofSeconds(5), 1_000, Duration.ofSeconds(3), Duration.ofSeconds(6),
                List.of(1_000, 10_000), 20, 5, 5, 100, Duration.ofSeconds(6), 1);
    }

    static BenchSettings full() {
        return new BenchSettings("full", 16, 1_000, Duration.ofSeconds(60), 1_000, Duration.ofSeconds(10), Duration.ofSeconds(30),
                List.of(1_000, 10_000, 100_000), 60, 10, 15, 300, Duration.ofSeconds(30), 3);
    }

    /** {@code --quick} for the smoke run; {@code --concurrency=N} and {@code --rate=N} override. */
    static BenchSettings from(String[] args) {
        BenchSettings settings = List.of(args).contains("--quick") ? quick() : full();
        for (String arg : args) {
            if (arg.startsWith("--concurrency=")) {
                settings = settings.withConcurrency(Integer.parseInt(arg.substring("--concurrency=".length())));
            } else if (arg.startsWith("--rate=")) {
                settings = settings.withRate(Integer.parseInt(arg.substring("--rate=".length())));
            } else if (!arg.equals("--quick") && !arg.equals("--full")) {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; use --quick, --full, --concurrency=N or --rate=N");
            }
        }
        return settings;
    }

    BenchSettings withConcurrency(int threads) {
        return new BenchSettings(name, threads, openDisputes, jitWarmUp, ratePerSecond, warmUp, measure, growth,
                channelUsers, slackRate, telegramRate, ackRate, channelMeasure, startupRuns);
    }

    BenchSettings withRate(int perSecond) {
        return new BenchSettings(name, concurrency, openDisputes, jitWarmUp, perSecond, warmUp, measure, growth,
                channelUsers, slackRate, telegramRate, ackRate, channelMeasure, startupRuns);
    }

    String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
