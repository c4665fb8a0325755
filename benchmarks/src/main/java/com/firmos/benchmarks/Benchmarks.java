package com.firmos.benchmarks;

import java.util.Arrays;

/**
 * Runs one harness by name: {@code audit-export [EVENTS]}, {@code command-path [SECONDS]},
 * {@code startup [WARM_STARTS]}, {@code scale [EVENTS]}, {@code store-growth [EVENTS]}, {@code as-of [ACTIVITIES]},
 * {@code bursts [SECONDS]} or {@code dashboards [EVENTS [again]]}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Benchmarks audit-export [EVENTS] | command-path [SECONDS]"
                    + " | startup [WARM_STARTS] | scale [EVENTS] | store-growth [EVENTS] | as-of [ACTIVITIES]"
                    + " | bursts [SECONDS] | dashboards [EVENTS [again]]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "audit-export" -> AuditExportBenchmark.run(rest);
            case "command-path" -> CommandPathBenchmark.run(rest);
            case "startup" -> StartupBenchmark.run(rest);
            case "scale" -> ScaleBenchmark.run(rest);
            case "store-growth" -> StoreGrowthBenchmark.run(rest);
            case "as-of" -> AsOfBenchmark.run(rest);
            case "bursts" -> BurstsBenchmark.run(rest);
            case "dashboards" -> DashboardBenchmark.run(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
