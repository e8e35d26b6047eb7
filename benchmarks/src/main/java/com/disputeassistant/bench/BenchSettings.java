package com.disputeassistant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long and how hard each figure runs. {@link #quick()} is a smoke run of two or three minutes; {@link #full()}
 * is the run for BENCHMARKS.md.
 *
 * @param concurrency     driver threads, and Redis connections in the pool
 * @param openDisputes    disputes in flight (lanes), each going through the whole script again and again
 * @param warmUp          the unmeasured load before figure 1, until throughput is stable
 * @param ratePerSecond   the fixed offered rate of messages for the latency figure
 * @param settle          unmeasured load at the start of each measured stretch (after a switch of work)
 * @param measure         each measured stretch: a round of the engine or the bare baseline, the fixed rate,
 *                        the peer and each growth step
 * @param rounds          rounds of engine and bare Redis, alternately, for the ratio and its spread
 * @param growth          open disputes in Redis for the growth figure, smallest first
 * @param channelUsers    people per channel in the end-to-end figure
 * @param slackRate       Slack messages per second offered end to end (the outbox sends at most 20 a second)
 * @param telegramRate    Telegram messages per second offered end to end (at most 30 a second)
 * @param ackRate         signed Slack requests per second for the ack-time figure
 * @param channelWarmUp   unmeasured load before the end-to-end figures
 * @param channelMeasure  the measured stretch of the end-to-end figures
 * @param startupRuns     launches of the jar for the start-up figure
 */
record BenchSettings(String name, int concurrency, int openDisputes, WarmUpPlan warmUp, int ratePerSecond,
                     Duration settle, Duration measure, int rounds, List<Integer> growth, int channelUsers,
                     int slackRate, int telegramRate, int ackRate, Duration channelWarmUp, Duration channelMeasure,
                     int startupRuns) {

    /**
     * Warm-up in rounds of {@code round} at saturation until the last {@code rounds} are within
     * {@code tolerance} of each other, at most {@code cap}.
     */
    record WarmUpPlan(Duration round, int rounds, double tolerance, Duration cap) {
        String describe() {
            return String.format("rounds of %d s until the last %d are within %d %% of each other (at most %d s)",
                    round.toSeconds(), rounds, Math.round(tolerance * 100), cap.toSeconds());
        }
    }

    /**
     * The million-dispute step of the growth figure: in the full run (its pre-load took 84 s on two busy cores,
     * Redis grows by about 3 GB), left out with {@code --no-million}, added to the quick run with {@code --million}.
     */
    static final int MILLION = 1_000_000;

    static BenchSettings quick() {
        return new BenchSettings("quick", 16, 1_000, new WarmUpPlan(Duration.ofSeconds(2), 3, 0.25,
                Duration.ofSeconds(12)), 2_000, Duration.ofSeconds(1), Duration.ofSeconds(4), 2,
                List.of(1_000, 10_000), 20, 5, 5, 100, Duration.ofSeconds(3), Duration.ofSeconds(6), 1);
    }

    static BenchSettings full() {
        return new BenchSettings("full", 16, 1_000, new WarmUpPlan(Duration.ofSeconds(10), 3, 0.10,
                Duration.ofSeconds(180)), 2_000, Duration.ofSeconds(3), Duration.ofSeconds(20), 5,
                List.of(1_000, 10_000, 100_000, MILLION), 60, 10, 15, 300, Duration.ofSeconds(10), Duration.ofSeconds(30), 3);
    }

    /**
     * {@code --quick} for the smoke run; {@code --concurrency=N} and {@code --rate=N} override; {@code --million}
     * and {@code --no-million} add or leave out the million-dispute step of the growth figure.
     */
    static BenchSettings from(String[] args) {
        BenchSettings settings = List.of(args).contains("--quick") ? quick() : full();
        for (String arg : args) {
            if (arg.startsWith("--concurrency=")) {
                settings = settings.with(Integer.parseInt(arg.substring("--concurrency=".length())),
                        settings.ratePerSecond, settings.growth);
            } else if (arg.startsWith("--rate=")) {
                settings = settings.with(settings.concurrency, Integer.parseInt(arg.substring("--rate=".length())),
                        settings.growth);
            } else if (arg.equals("--million") || arg.equals("--no-million")) {
                List<Integer> growth = new ArrayList<>(settings.growth);
                growth.remove(Integer.valueOf(MILLION));
                if (arg.equals("--million")) {
                    growth.add(MILLION);
                }
                settings = settings.with(settings.concurrency, settings.ratePerSecond, growth);
            } else if (!arg.equals("--quick") && !arg.equals("--full")) {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; use --quick, --full, --concurrency=N, --rate=N, --million or --no-million");
            }
        }
        return settings;
    }

    private BenchSettings with(int threads, int perSecond, List<Integer> sizes) {
        return new BenchSettings(name, threads, openDisputes, warmUp, perSecond, settle, measure, rounds,
                List.copyOf(sizes), channelUsers, slackRate, telegramRate, ackRate, channelWarmUp, channelMeasure,
                startupRuns);
    }

    String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
