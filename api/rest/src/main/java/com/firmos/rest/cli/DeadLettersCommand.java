package com.firmos.rest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code dead-letters list [PROCESSOR] | retry PROCESSOR [SEQUENCE] | evict PROCESSOR EVENT_ID}: the admin's
 * tenant's parked events through the admin API ({@link AdminClient}). Retrying a whole processor goes sequence by
 * sequence and prints each outcome as it comes, so a long queue shows its progress.
 */
public final class DeadLettersCommand {

    public static final String NAME = "dead-letters";
    private static final String USAGE = "usage: dead-letters list [PROCESSOR] | retry PROCESSOR [SEQUENCE]"
            + " | evict PROCESSOR EVENT_ID [--url http://localhost:8080] [--token ADMIN_TOKEN]";
    private static final String API = "/api/v1/admin/dead-letters";

    private final AdminClient client;
    private final PrintStream out;

    private DeadLettersCommand(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, USAGE, err,
                (client, words) -> new DeadLettersCommand(client, out).execute(words));
    }

    private int execute(List<String> words) throws IOException, InterruptedException {
        return switch (words.getFirst()) {
            case "list" -> words.size() <= 2 ? list(words.size() == 2 ? words.get(1) : null) : 2;
            case "retry" -> switch (words.size()) {
                case 2 -> retryAll(words.get(1));
                case 3 -> retry(words.get(1), words.get(2)) ? 0 : 1;
                default -> 2;
            };
            case "evict" -> words.size() == 3 ? evict(words.get(1), words.get(2)) : 2;
            default -> 2;
        };
    }

    private int list(String processor) throws IOException, InterruptedException {
        String query = processor == null ? "" : "?processor=" + AdminClient.segment(processor);
        JsonNode sequences = client.get(API + query);
        if (sequences.isEmpty()) {
            out.println("no parked events");
        }
        for (JsonNode sequence : sequences) {
            out.printf("%s  sequence %s  %d event(s)%n", sequence.get("processor").asString(),
                    sequence.get("sequence").asString(), sequence.get("letters").size());
            for (JsonNode letter : sequence.get("letters")) {
                out.printf("  %s %s  parked %s  %s: %s%n", letter.get("eventId").asString(),
                        letter.get("eventType").asString(), letter.get("enqueuedAt").asString(),
                        letter.get("causeType").asString(""), letter.get("causeMessage").asString(""));
            }
        }
        return 0;
    }

    private int retryAll(String processor) throws IOException, InterruptedException {
        List<String> sequences = new ArrayList<>();
        for (JsonNode sequence : client.get(API + "?processor=" + AdminClient.segment(processor))) {
            sequences.add(sequence.get("sequence").asString());
        }
        int failed = 0;
        for (int i = 0; i < sequences.size(); i++) {
            out.printf("[%d/%d] ", i + 1, sequences.size());
            failed += retry(processor, sequences.get(i)) ? 0 : 1;
        }
        out.printf("%d of %d sequence(s) drained%n", sequences.size() - failed, sequences.size());
        return failed == 0 ? 0 : 1;
    }

    private boolean retry(String processor, String sequence) throws IOException, InterruptedException {
        JsonNode result = client.post(API + "/" + AdminClient.segment(processor) + "/sequences/"
                + AdminClient.segment(sequence) + "/retry");
        boolean drained = result.get("drained").size() == 1;
        out.println(sequence + (drained ? " drained" : " still parked: " + firstCause(result)));
        return drained;
    }

    private static String firstCause(JsonNode result) {
        for (JsonNode sequence : result.get("stillParked")) {
            JsonNode letter = sequence.get("letters").get(0);
            return letter.get("causeType").asString("") + ": " + letter.get("causeMessage").asString("");
        }
        return "";
    }

    private int evict(String processor, String eventId) throws IOException, InterruptedException {
        client.delete(API + "/" + AdminClient.segment(processor) + "/letters/" + AdminClient.segment(eventId));
        out.println(eventId + " evicted");
        return 0;
    }
}
