package com.firmos.rest.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A secret that an answer shows once, such as a magic link's token: the answer kept for retries holds it as null,
 * with a {@code detail} on how to get a new one, so that neither the table nor a replay ever carries it.
 */
public final class ShownOnce {

    static final String ATTRIBUTE = ShownOnce.class.getName();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShownOnce() {
    }

    private record Field(String name, String detail) {
    }

    /** Marks the top-level field {@code name} of this request's JSON answer as shown once. */
    public static void field(HttpServletRequest request, String name, String detail) {
        request.setAttribute(ATTRIBUTE, new Field(name, detail));
    }

    /** The answer as it may be kept: with the marked field emptied, or untouched when nothing was marked. */
    static byte[] keepable(HttpServletRequest request, byte[] body) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Field field)) {
            return body;
        }
        JsonNode answer = JSON.readTree(body);
        if (!(answer instanceof ObjectNode object)) {
            throw new IllegalStateException("an answer with a field shown once must be a JSON object");
        }
        object.putNull(field.name());
        object.put("detail", field.detail());
        return JSON.writeValueAsBytes(object);
    }
}
