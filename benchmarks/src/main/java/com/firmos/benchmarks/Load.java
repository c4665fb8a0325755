package com.firmos.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Drives operations from client threads, each with its own aggregate, so clients never contend for one. A closed
 * loop measures what the system sustains; an open loop sends at a fixed rate and counts each latency from the
 * moment the request was due, so a stall delays the measurement instead of hiding from it.
 */
final class Load {

    /** One command of one client; returns whether it succeeded. */
    interface Operation {
        boolean call() throws Exception;
    }

    private Load() {
    }

    static Latencies closed(int clients, Duration warmup, Duration measure, IntFunction<Operation> operations)
            throws InterruptedException {
        return run(clients, warmup, measure, client -> {
            Operation operation = operations.apply(client);
            return due -> {
                long started = System.nanoTime();
                boolean ok = operation.call();
                return ok ? System.nanoTime() - started : -1;
            };
        }, 0);
    }

    static Latencies open(int clients, double perSecond, Duration warmup, Duration measure,
            IntFunction<Operation> operations) throws InterruptedException {
        return run(clients, warmup, measure, client -> {
            Operation operation = operations.apply(client);
            return due -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                boolean ok = operation.call();
                return ok ? System.nanoTime() - due : -1;
            };
        }, perSecond);
    }

    private interface Step {
        /** The latency of one command, or -1 when it failed. */
        long next(long due) throws Exception;
    }

    private static Latencies run(int clients, Duration warmup, Duration measure, IntFunction<Step> steps,
            double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Recorded> recorded = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Recorded latencies = new Recorded();
            recorded.add(latencies);
            Step step = steps.apply(client);
            int index = client;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long k = 0; ; k++) {
                    long due = perSecond > 0 ? start + (long) ((k * clients + index) * 1e9 / perSecond)
                            : System.nanoTime();
                    if (due >= end || System.nanoTime() >= end) {
                        return;
                    }
                    try {
                        long latency = step.next(due);
                        boolean measured = (perSecond > 0 ? due : System.nanoTime() - Math.max(latency, 0))
                                >= measureFrom;
                        if (measured && latency < 0) {
                            failures.incrementAndGet();
                        } else if (measured) {
                            latencies.add(latency);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = recorded.stream().flatMapToLong(latencies -> Arrays.stream(latencies.values, 0,
                latencies.size)).toArray();
        return new Latencies(all, end - measureFrom, failures.get());
    }

    /** One client's latencies; only its own thread writes them. */
    private static final class Recorded {

        private long[] values = new long[16_384];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
