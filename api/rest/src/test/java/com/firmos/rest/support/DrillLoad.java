package com.firmos.rest.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.rest.support.Api.Response;

/**
 * Writers that keep creating and changing activities through whichever nodes are up, each in an engagement of its
 * own (so the planning view's segments all get work), recording every write a node acknowledged with a 2xx and its
 * version. A failed request (a node killed, not yet up) is not acknowledged: the writer starts a new activity.
 */
public final class DrillLoad implements AutoCloseable {

    /** A write the client was told succeeded: the aggregate and the version (event sequence number) it reached. */
    public record Ack(String aggregateId, long version) {
    }

    /** Checked as "the aggregate has events": a 202 names no version. */
    private static final long ANY_VERSION = -1;

    private final Supplier<List<Api>> nodes;
    private final String token;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Thread> writers = new ArrayList<>();

    public DrillLoad(Supplier<List<Api>> nodes, String token, int writers) {
        this.nodes = nodes;
        this.token = token;
        for (int writer = 0; writer < writers; writer++) {
            String engagement = IntegrationTest.openEngagement(nodes.get().getFirst(), token).toString();
            int number = writer;
            this.writers.add(Thread.ofVirtual().name("drill-writer-" + writer).start(() -> write(number, engagement)));
        }
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    public int failures() {
        return failures.get();
    }

    /** The acknowledged writes whose event is not in the store: none, if no acknowledged write was lost. */
    public List<Ack> lost(JdbcClient jdbc) {
        List<Ack> acknowledged = acks();
        Set<String> stored = jdbc.sql("""
                SELECT aggregate_identifier || ':' || sequence_number FROM domain_event_entry
                WHERE aggregate_identifier IN (:ids)
                UNION SELECT DISTINCT aggregate_identifier || ':-1' FROM domain_event_entry
                WHERE aggregate_identifier IN (:ids)""")
                .param("ids", acknowledged.stream().map(Ack::aggregateId).distinct().toList())
                .query(String.class).set();
        return acknowledged.stream().filter(ack -> !stored.contains(ack.aggregateId() + ":" + ack.version()))
                .collect(Collectors.toList());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private void write(int writer, String engagement) {
        int request = 0;
        while (running.get()) {
            String activity = UUID.randomUUID().toString();
            List<String> steps = List.of(
                    "POST /api/v1/activities {\"id\": \"" + activity + "\", \"engagementId\": \"" + engagement
                            + "\", \"title\": \"Writer " + writer + "\"}",
                    "POST /api/v1/activities/" + activity + "/status {\"status\": \"in_progress\"}",
                    "PUT /api/v1/activities/" + activity + " {\"title\": \"Writer " + writer + ", edited\"}");
            for (String step : steps) {
                if (!running.get() || !send(nodeFor(writer + request++), step, activity)) {
                    break;
                }
            }
        }
    }

    private Api nodeFor(int request) {
        List<Api> up = nodes.get();
        return up.isEmpty() ? null : up.get(request % up.size());
    }

    private boolean send(Api node, String step, String activity) {
        String[] parts = step.split(" ", 3);
        try {
            Response answer = node == null ? null : node.send(parts[0], parts[1], token, parts[2], Map.of());
            if (answer != null && answer.status() / 100 == 2) {
                // A 202 (the view not applied in time, as while a restarted node catches up) names no version.
                String version = answer.header("ETag");
                long reached = version == null ? ANY_VERSION : Long.parseLong(version.replaceAll("\\D", ""));
                acks.add(new Ack(activity, reached));
                return true;
            }
        } catch (IllegalStateException refusedOrCutOff) {
            // The node was killed or is not up yet: the write is not acknowledged.
        }
        failures.incrementAndGet();
        awaitANode();
        return false;
    }

    /** While no node is up (one killed, its successor starting), the writer waits for one instead of spinning. */
    private void awaitANode() {
        await().forever().pollDelay(Duration.ZERO).until(() -> !running.get() || !nodes.get().isEmpty());
    }
}
