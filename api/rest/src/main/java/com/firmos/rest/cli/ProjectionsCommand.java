package com.firmos.rest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code projections status | rebuild NAME | rebuild-all [--url URL] [--token TOKEN]}: operates the running
 * server's projections through its admin API (the token is an admin's; {@code FIRMOS_TOKEN} works too), so the
 * command and the server never race for the processors' segments. A rebuild prints its progress every second
 * until the projection has caught up.
 */
public final class ProjectionsCommand {

    public static final String NAME = "projections";
    private static final String USAGE = "usage: projections status | rebuild NAME | rebuild-all"
            + " [--url http://localhost:8080] [--token ADMIN_TOKEN]";
    private static final Duration POLL = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final String url;
    private final String token;
    private final PrintStream out;

    private ProjectionsCommand(String url, String token, PrintStream out) {
        this.url = url;
        this.token = token;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        String url = "http://localhost:8080";
        String token = System.getenv("FIRMOS_TOKEN");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = i + 1 < args.length ? args[++i] : null;
                case "--token" -> token = i + 1 < args.length ? args[++i] : null;
                default -> words.add(args[i]);
            }
        }
        if (url == null || token == null || words.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            return new ProjectionsCommand(url, token, out).execute(words, err);
        } catch (IOException e) {
            err.println("the server at " + url + " did not answer: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int execute(List<String> words, PrintStream err) throws IOException, InterruptedException {
        switch (words.getFirst()) {
            case "status" -> {
                for (JsonNode processor : call("GET", "/api/v1/admin/projections")) {
                    out.println(line(processor));
                }
                return 0;
            }
            case "rebuild" -> {
                if (words.size() != 2) {
                    err.println(USAGE);
                    return 2;
                }
                call("POST", "/api/v1/admin/projections/" + words.get(1) + "/rebuild");
                return follow(List.of(words.get(1)));
            }
            case "rebuild-all" -> {
                List<String> names = new ArrayList<>();
                for (JsonNode processor : call("POST", "/api/v1/admin/projections/rebuild")) {
                    if (processor.get("rebuildable").asBoolean()) {
                        names.add(processor.get("name").asString());
                    }
                }
                return follow(names);
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }

    private int follow(List<String> names) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (String name : names) {
            JsonNode status = call("GET", "/api/v1/admin/projections/" + name);
            while (status.get("replaying").asBoolean() || status.get("lag").asLong() > 0) {
                out.println(line(status) + eta(status, started));
                Thread.sleep(POLL);
                status = call("GET", "/api/v1/admin/projections/" + name);
            }
            out.println(line(status) + " - rebuilt");
        }
        return 0;
    }

    private static String line(JsonNode status) {
        String state = status.get("error").asBoolean() ? "  ERROR"
                : status.get("replaying").asBoolean() ? "  replaying" : "";
        return "%-18s %-8s %3d%%  lag %d of %d%s".formatted(status.get("name").asString(),
                status.get("running").asBoolean() ? "running" : "stopped", status.get("progress").asInt(),
                status.get("lag").asLong(), status.get("head").asLong(), state);
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

    private JsonNode call(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException("HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }
}
