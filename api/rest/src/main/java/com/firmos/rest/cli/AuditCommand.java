package com.firmos.rest.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code audit export [--engagement ID | --entity ID] FILE | verify}: the admin's tenant's audit trail through
 * the admin API ({@link AdminClient}). An export writes JSON Lines to FILE and counts the events every second; a
 * verification prints how far it got as the server reports it, then its verdict (exit code 4 when the chain is
 * broken).
 */
public final class AuditCommand {

    public static final String NAME = "audit";
    static final int BROKEN = 4;
    private static final String USAGE = "usage: audit export [--engagement ID | --entity ID] FILE | audit verify"
            + " [--url http://localhost:8080] [--token ADMIN_TOKEN]";
    private static final String API = "/api/v1/admin/audit";

    private final AdminClient client;
    private final PrintStream out;

    private AuditCommand(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, USAGE, err, (client, words) -> new AuditCommand(client, out).execute(words));
    }

    private int execute(List<String> words) throws IOException, InterruptedException {
        return switch (words.getFirst()) {
            case "verify" -> words.size() == 1 ? verify() : 2;
            case "export" -> switch (words.size()) {
                case 2 -> export("", words.get(1));
                case 4 -> switch (words.get(1)) {
                    case "--engagement" -> export("?engagementId=" + AdminClient.segment(words.get(2)), words.get(3));
                    case "--entity" -> export("?entityId=" + AdminClient.segment(words.get(2)), words.get(3));
                    default -> 2;
                };
                default -> 2;
            };
            default -> 2;
        };
    }

    private int verify() throws IOException, InterruptedException {
        int[] exit = {1};
        client.lines(API + "/verification", line -> {
            if (line.has("checked")) {
                out.printf("%d events checked%n", line.get("checked").asLong());
                return;
            }
            JsonNode verdict = line.get("verification");
            exit[0] = verdict.get("intact").asBoolean() ? 0 : BROKEN;
            out.println(describe(verdict));
        });
        return exit[0];
    }

    private static String describe(JsonNode verdict) {
        String head = "head %d %s".formatted(verdict.get("headPosition").asLong(), verdict.get("headHash").asString());
        if (verdict.get("intact").asBoolean()) {
            return "intact: %d events checked, %s".formatted(verdict.get("checked").asLong(), head);
        }
        JsonNode problem = verdict.get("firstBreak");
        return "BROKEN: %s event %s (position %s, global index %s): %s".formatted(problem.get("kind").asString(),
                problem.get("eventId").asString("?"), problem.get("position").asString("-"),
                problem.get("globalIndex").asString("-"), problem.get("detail").asString());
    }

    private int export(String query, String file) throws IOException, InterruptedException {
        try (OutputStream target = Files.newOutputStream(Path.of(file));
                LineCounter counted = new LineCounter(target, out)) {
            client.download(API + "/events" + query, counted);
            out.printf("%d events written to %s%n", counted.lines, file);
        }
        return 0;
    }

    /** Counts the lines passing through and reports the count at most once a second. */
    private static final class LineCounter extends FilterOutputStream {

        private final PrintStream progress;
        private long lines;
        private long lastReport = System.nanoTime();

        LineCounter(OutputStream target, PrintStream progress) {
            super(target);
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                count(bytes[i]);
            }
        }

        private void count(int b) {
            if (b != '\n') {
                return;
            }
            lines++;
            if (System.nanoTime() - lastReport > 1_000_000_000L) {
                progress.printf("%d events written%n", lines);
                lastReport = System.nanoTime();
            }
        }
    }
}
