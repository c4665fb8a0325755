package com.firmos.rest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code projections status | rebuild NAME | rebuild-all [--url URL] [--token TOKEN]}: operates the running
 * server's projections through its admin API ({@link AdminClient}). A rebuild, or a shadow rebuild ({@code shadow
 * NAME}, then {@code switch NAME}), prints its progress every second until the projection has caught up.
 */
public final class ProjectionsCommand {

    public static final String NAME = "projections";
    private static final String USAGE = "usage: projections status | rebuild NAME | rebuild-all | shadow NAME"
            + " | switch NAME | shadow-cancel NAME [--url http://localhost:8080] [--token OPERATOR_TOKEN]";
    private static final String API = "/api/v1/admin/projections/";
    private static final Duration POLL = Duration.ofSeconds(1);

    private final AdminClient client;
    private final PrintStream out;

    private ProjectionsCommand(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, USAGE, err,
                (client, words) -> new ProjectionsCommand(client, out).execute(words));
    }

    private int execute(List<String> words) throws IOException, InterruptedException {
        switch (words.getFirst()) {
            case "status" -> {
                for (JsonNode processor : client.get("/api/v1/admin/projections")) {
                    out.println(line(processor));
                }
                return 0;
            }
            case "rebuild" -> {
                if (words.size() != 2) {
                    return 2;
                }
                client.post("/api/v1/admin/projections/" + AdminClient.segment(words.get(1)) + "/rebuild");
                return follow(List.of(words.get(1)));
            }
            case "rebuild-all" -> {
                List<String> names = new ArrayList<>();
                for (JsonNode processor : client.post("/api/v1/admin/projections/rebuild")) {
                    if (processor.get("rebuildable").asBoolean()) {
                        names.add(processor.get("name").asString());
                    }
                }
                return follow(names);
            }
            case "shadow", "switch", "shadow-cancel" -> {
                return words.size() == 2 ? shadow(words.getFirst(), words.get(1)) : 2;
            }
            default -> {
                return 2;
            }
        }
    }

    /** Shadow rebuilds: start one and follow it until it has caught up, switch it in, or abandon it. */
    private int shadow(String step, String name) throws IOException, InterruptedException {
        String path = API + AdminClient.segment(name) + "/shadow";
        switch (step) {
            case "shadow" -> {
                JsonNode status = client.post(path);
                while (!status.get("caughtUp").asBoolean()) {
                    out.printf("%s shadow at %d of %d%s%n", name, status.get("position").asLong(),
                            status.get("head").asLong(), status.get("error").isNull() ? ""
                                    : "  ERROR " + status.get("error").asString());
                    Thread.sleep(POLL);
                    status = client.get(path);
                }
                compare(client.get(path));
                out.println("switch it in with: projections switch " + name);
            }
            case "switch" -> {
                compare(client.post(path + "/switch"));
                out.println(name + " switched to the rebuilt tables");
            }
            default -> {
                client.delete(path);
                out.println(name + " shadow abandoned");
            }
        }
        return 0;
    }

    private void compare(JsonNode status) {
        for (JsonNode table : status.get("tables")) {
            out.printf("  %-32s live %d rows, shadow %d rows  %s%n", table.get("table").asString(),
                    table.get("liveRows").asLong(), table.get("shadowRows").asLong(),
                    table.get("same").asBoolean() ? "same" : "DIFFERENT");
        }
        out.printf("%d table(s) differ%n", status.get("differingTables").asInt());
    }

    private int follow(List<String> names) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (String name : names) {
            JsonNode status = client.get("/api/v1/admin/projections/" + AdminClient.segment(name));
            while (status.get("replaying").asBoolean() || status.get("lag").asLong() > 0) {
                out.println(line(status) + eta(status, started));
                Thread.sleep(POLL);
                status = client.get("/api/v1/admin/projections/" + AdminClient.segment(name));
            }
            out.println(line(status) + " - rebuilt");
        }
        return 0;
    }

    private static String line(JsonNode status) {
        String state = status.get("error").asBoolean() ? "  ERROR"
                : status.get("replaying").asBoolean() ? "  replaying" : "";
        long parked = status.get("parkedSequences").asLong();
        state += parked > 0 ? "  %d sequence(s) parked in dead letters".formatted(parked) : "";
        // A tenant admin's status has no head: its lag counts only the tenant's events.
        String of = status.has("head") ? " of " + status.get("head").asLong() : " of your events";
        return "%-18s %-8s %3d%%  lag %d%s%s".formatted(status.get("name").asString(),
                status.get("running").asBoolean() ? "running" : "stopped", status.get("progress").asInt(),
                status.get("lag").asLong(), of, state);
    }

    /** Time left at the pace so far, once there is a pace to go by. */
    private static String eta(JsonNode status, long startedNanos) {
        int progress = status.get("progress").asInt();
        if (progress <= 0 || progress >= 100) {
            return "";
        }
        long elapsed = System.nanoTime() - startedNanos;
        return "  about %ds left".formatted(Duration.ofNanos(elapsed * (100 - progress) / progress).toSeconds());
    }
}
