package com.firmos.benchmarks;

import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Start-up to ready (health UP over HTTP) of the jar with its embedded PostgreSQL: first on an empty data
 * directory (initdb and every migration), then again on the same directory, warm, as after a restart. Also the heap
 * the idle server keeps after a collection.
 */
final class StartupBenchmark {

    private static final String HEAP = "512m";

    private StartupBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int warmStarts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path data = Path.of("benchmarks/target/startup-postgres");
        long cold = timed(() -> Server.start(HEAP, data));
        System.out.printf("| Start | Seconds to ready | Live heap after GC |%n|---|---|---|%n");
        System.out.printf("| cold: empty data directory | %.1f | - |%n", cold / 1e9);
        for (int i = 1; i <= warmStarts; i++) {
            long started = System.nanoTime();
            try (Server server = Server.startOn(HEAP, data)) {
                long ready = System.nanoTime() - started;
                MemoryMXBean memory = server.memory();
                memory.gc();
                System.out.printf("| warm #%d | %.1f | %.0f MiB |%n", i, ready / 1e9,
                        memory.getHeapMemoryUsage().getUsed() / 1048576.0);
            }
        }
    }

    private interface Start {
        Server call() throws Exception;
    }

    private static long timed(Start start) throws Exception {
        long started = System.nanoTime();
        try (Server server = start.call()) {
            return System.nanoTime() - started;
        }
    }
}
