package com.firmos.benchmarks;

import java.util.Arrays;

/** Runs one harness by name: {@code Benchmarks audit-export [EVENTS]}. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Benchmarks audit-export [EVENTS]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "audit-export" -> AuditExportBenchmark.run(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
