package com.firmos.benchmarks;

import java.util.Arrays;

/** Latencies of one run, in nanoseconds, with the run's length: throughput and percentiles. */
record Latencies(long[] nanos, long elapsedNanos, long failures) {

    double perSecond() {
        return nanos.length / (elapsedNanos / 1e9);
    }

    double millis(double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    String row(String name, int clients) {
        return "| %s | %d | %,d | %,.0f | %.1f | %.1f | %d |".formatted(name, clients, nanos.length, perSecond(),
                millis(50), millis(99), failures);
    }

    static String header() {
        return "| Operation | Clients | Commands | Per second | p50 ms | p99 ms | Failures |\n"
                + "|---|---|---|---|---|---|---|";
    }
}
