package com.firmos.rest.support;

import java.util.List;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads of a JSON answer by path: {@code "entries/0/actorId"} names fields and array positions, separated by
 * slashes. A missing step fails the test with a message naming it and the node it was missing from, not an NPE.
 * Values convert as Jackson's {@code asString}, {@code asLong} and {@code asBoolean} convert them.
 */
public final class Json {

    private static final int SHOWN = 400;

    private Json() {
    }

    /** The node at the path. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        StringBuilder walked = new StringBuilder();
        for (String step : path.split("/")) {
            JsonNode next = current.isArray() && step.chars().allMatch(Character::isDigit)
                    ? current.get(Integer.parseInt(step))
                    : current.get(step);
            walked.append(walked.isEmpty() ? "" : "/").append(step);
            if (next == null) {
                throw new AssertionError("no " + walked + " in " + shown(node));
            }
            current = next;
        }
        return current;
    }

    public static String text(JsonNode node, String path) {
        return at(node, path).asString();
    }

    public static long number(JsonNode node, String path) {
        return at(node, path).asLong();
    }

    public static boolean flag(JsonNode node, String path) {
        return at(node, path).asBoolean();
    }

    /** The text of {@code field} in each element of the array at {@code path}, in order. */
    public static List<String> texts(JsonNode node, String path, String field) {
        JsonNode array = at(node, path);
        if (!array.isArray()) {
            throw new AssertionError(path + " is no array in " + shown(node));
        }
        return IntStream.range(0, array.size()).mapToObj(index -> text(node, path + "/" + index + "/" + field))
                .toList();
    }

    private static String shown(JsonNode node) {
        String json = node.toString();
        return json.length() <= SHOWN ? json : json.substring(0, SHOWN) + "…";
    }
}
