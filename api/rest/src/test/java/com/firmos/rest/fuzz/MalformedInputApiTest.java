package com.firmos.rest.fuzz;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OpenApiOperations;

import tools.jackson.databind.JsonNode;

/**
 * Every operation in the OpenAPI document, driven with bodies no client should send: not JSON, the wrong JSON
 * type, every field of the wrong type, invalid UTF-8, nesting deeper than any document, a string of 300 KB in
 * every field, an array of 20,000 elements in every field. Each answer must be a 4xx problem+json, never a 2xx or
 * a 5xx, and the tenant's event stream must not have grown.
 */
class MalformedInputApiTest extends IntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final int DEEP = 5_000;

    @Test
    void everyOperationRefusesMalformedBodiesWithAProblemAndStoresNothing() {
        String token = admin();
        engagement();
        long eventsBefore = tenantEvents();
        JsonNode document = api.get("/v3/api-docs", null).json();
        OpenApiOperations described = OpenApiOperations.of(document);
        List<String> failures = new ArrayList<>();
        int sent = 0;

        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!operation.getValue().has("requestBody")) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String url = concrete(path.getKey());
                for (Map.Entry<String, byte[]> body : malformedBodies(described, operation.getValue()).entrySet()) {
                    Response answer = api.sendBytes(method, url, token, body.getValue(), Map.of());
                    sent++;
                    if (answer.status() < 400 || answer.status() >= 500 || answer.contentType() == null
                            || !answer.contentType().startsWith("application/problem+json")) {
                        failures.add(method + " " + path.getKey() + " with " + body.getKey() + ": "
                                + answer.status() + " " + abbreviate(answer.body()));
                    }
                }
            }
        }

        assertThat(sent).as("requests sent").isGreaterThan(100);
        assertThat(failures).isEmpty();
        assertThat(tenantEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void tenantRoleAndInternalFieldsInABodyAreNeverBound() {
        UUID engagement = engagement();
        Response created = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Bound", "organizationId": "%s", "role": "admin",
                 "internal": true, "createdBy": "user_intruder", "version": 42}""".formatted(engagement, otherTenant));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("organizationId")).isEqualTo(tenant);
        assertThat(created.number("version")).isZero();
        String id = created.text("id");
        assertThat(api.get("/api/v1/activities/" + id, token(otherTenant, "admin")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = :id").param("id", id).query(String.class).single())
                .contains(tenant).doesNotContain(otherTenant).doesNotContain("user_intruder");
    }

    private Map<String, byte[]> malformedBodies(OpenApiOperations document, JsonNode operation) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("a body that is not JSON", bytes("{\"unterminated"));
        bodies.put("an array for an object", bytes("[1, 2, 3]"));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        bodies.put("nesting " + DEEP + " deep", bytes("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
        List<String> fields = fields(document, operation);
        if (!fields.isEmpty()) {
            bodies.put("every field of the wrong type", bytes(object(fields, field -> "{\"wrong\": [true]}")));
            bodies.put("300 KB in every field", bytes(object(fields, field -> "\"" + "x".repeat(300_000) + "\"")));
            bodies.put("20,000 elements in every field", bytes(object(fields,
                    field -> "[" + "\"x\",".repeat(19_999) + "\"x\"]")));
        }
        return bodies;
    }

    /** The request body's top-level properties, following one $ref. */
    private static List<String> fields(OpenApiOperations document, JsonNode operation) {
        JsonNode schema = document.resolve(operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        List<String> fields = new ArrayList<>();
        schema.path("properties").propertyNames().forEach(fields::add);
        return fields;
    }

    private static String object(List<String> fields, Function<String, String> value) {
        StringBuilder json = new StringBuilder("{");
        for (String field : fields) {
            json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":")
                    .append(value.apply(field));
        }
        return json.append('}').toString();
    }

    /** Path variables filled with ids that exist nowhere: the body is refused before anything is looked up. */
    private static String concrete(String template) {
        Matcher variable = PATH_VARIABLE.matcher(template);
        StringBuilder url = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(url, UUID.randomUUID().toString());
        }
        return variable.appendTail(url).toString();
    }

    private long tenantEvents() {
        return jdbc.sql("SELECT count(*) FROM event_chain WHERE organization_id = :org").param("org", tenant)
                .query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
