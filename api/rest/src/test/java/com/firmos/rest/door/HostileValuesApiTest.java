package com.firmos.rest.door;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OpenApiOperations;
import com.firmos.rest.support.OpenApiOperations.Operation;
import com.firmos.rest.support.OpenApiOperations.Position;
import com.firmos.rest.support.TenantFixture;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document with a JSON body, on the entities of one client, with one field at a time
 * set to a value the read side cannot store: control characters and unpaired surrogates in text, years outside 1 to
 * 9999, numbers no column or double holds (1e400, -1e400, 1e-400, 1e19). Each is refused with a 4xx, and none of
 * them reaches the event store. Boundary values that are valid (a 3,000-character text, the first and last year,
 * the largest int) may be taken, never with a 5xx. Every query parameter of every read gets the same treatment.
 * Afterwards no event of the tenant is parked and every projection has caught up with it.
 */
class HostileValuesApiTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Each starts with a marker, so that one stored in any form (a surrogate as "?") is found in the events. */
    private static final List<String> HOSTILE_TEXT = List.of("hostile-nul\u0000", "hostile-high\ud800",
            "hostile-low\udc00x", "hostile-bell\u0007", "hostile-escape\u001b[31m", "hostile-delete\u007f");
    private static final List<String> HOSTILE_DATES = List.of("+999999999-01-01", "-999999999-12-31", "0000-06-15",
            "+10000-01-01");
    private static final List<String> HOSTILE_TIMES = List.of("+999999999-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "0000-12-31T12:00:00Z", "+10000-01-01T00:00:00Z");
    private static final List<String> HOSTILE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "-1E+400",
            "0E-20000");
    private static final List<JsonNode> BOUNDARIES = List.of(NODES.stringNode("x".repeat(2_999) + "é"),
            NODES.stringNode("tab\tline\nemoji😀"), NODES.stringNode("0001-01-01"),
            NODES.stringNode("9999-12-31T23:59:59Z"), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(new BigDecimal("1e19")),
            NODES.numberNode(new BigDecimal("999999999999.99")), NODES.numberNode(new BigDecimal("0.0001")));
    /** What a hostile value looks like once Jackson wrote it into an event. */
    private static final List<String> STORED_MARKERS = List.of("hostile-", "E+400", "E-400", "E-20000", "Infinity",
            "999999999-", "+10000-", "0000-06-15", "0000-12-31");

    private final List<String> failures = new ArrayList<>();
    private int hostileSent;
    private int refusedNamingTheField;
    private final List<String> ignored = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int boundarySent;
    private int rotation;

    @Test
    void noOperationStoresOrTripsOverAValueTheReadSideCannotHold() {
        long started = System.nanoTime();
        TenantFixture data = TenantFixture.build(api, "H-" + UUID.randomUUID().toString().substring(0, 8),
                (role, user) -> token(tenant, role, user));
        OpenApiOperations document = OpenApiOperations.of(api);

        for (Operation operation : document.writes().stream().sorted(Comparator.comparing(Operation::order))
                .toList()) {
            if (operation.bodySchema() != null && !operation.template().startsWith("/api/v1/admin/projections")) {
                bodies(operation, data, document);
            }
        }
        for (Operation operation : document.reads()) {
            queries(operation, data, document);
        }

        System.out.printf("HostileValuesApiTest: %d hostile values sent (%d refused with 400 naming the field, %d"
                + " ignored as unknown properties; by status %s), %d boundary values, %d wrong, %d s; ignored: %s%n",
                hostileSent, refusedNamingTheField, ignored.size(), statuses, boundarySent, failures.size(),
                (System.nanoTime() - started) / 1_000_000_000, ignored);
        assertThat(failures).as("answers against the rule").isEmpty();
        assertThat(hostileSent).isGreaterThan(350);
        assertThat(storedMarkers()).as("hostile values in the tenant's events").isEmpty();
        assertThat(api.get("/api/v1/admin/dead-letters", admin()).json().size()).as("parked sequences").isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projectionsCaughtUp())
                .as(() -> "every projection applied every event of the tenant: " + projections()).isTrue());
    }

    /** Each field of the operation's body once with a hostile value, and one field with a boundary value. */
    private void bodies(Operation operation, TenantFixture data, OpenApiOperations document) {
        OpenApiOperations.Ids ids = (kind, position) -> id(data, operation, kind, position);
        String path = operation.path(ids);
        String valid = operation.body(ids);
        if (path == null || valid == null) {
            return;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(valid);
        addMissingProperties(body, operation.bodySchema(), document);
        List<String> leaves = new ArrayList<>();
        leaves(body, "", leaves);
        String token = token(operation, data);
        for (String leaf : leaves) {
            JsonNode original = at(body, leaf);
            JsonNode hostile = hostile(original);
            Response answer = operation.send(api, path, token, JSON.writeValueAsString(with(body, leaf, hostile)));
            hostileSent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            // A 2xx is a property the request does not have (the document mixes up bodies of the same class name):
            // ignored, it must not be stored, which the search of the events afterwards shows.
            if (answer.status() < 300) {
                ignored.add(operation + " " + leaf);
            } else if (answer.status() < 400 || answer.status() >= 500) {
                failures.add(operation + " " + leaf + "=" + brief(hostile.asString()) + ": " + brief(answer));
            } else if (answer.status() == 400 && answer.body() != null && answer.body().contains("\"field\"")) {
                refusedNamingTheField++;
            }
        }
        if (!leaves.isEmpty()) {
            String leaf = leaves.get(rotation % leaves.size());
            JsonNode boundary = BOUNDARIES.get(rotation++ % BOUNDARIES.size());
            Response answer = operation.send(api, path, token, JSON.writeValueAsString(with(body, leaf, boundary)));
            boundarySent++;
            if (answer.status() >= 500) {
                failures.add(operation + " " + leaf + "=" + brief(boundary.asString()) + ": " + brief(answer));
            }
        }
    }

    /** Each query parameter of a read once with a value it cannot take. */
    private void queries(Operation operation, TenantFixture data, OpenApiOperations document) {
        OpenApiOperations.Ids ids = (kind, position) -> id(data, operation, kind, position);
        String path = operation.path(ids);
        if (path == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> parameter : queryParameters(operation, document).entrySet()) {
            String format = parameter.getValue().path("format").asString();
            String type = parameter.getValue().path("type").asString();
            String value = switch (format.isEmpty() ? type : format) {
                case "date" -> "%2B999999999-01-01";
                case "date-time" -> rotate(List.of("%2B999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"));
                case "integer", "int32", "int64" -> rotate(List.of("99999999999999999999", "1e400"));
                default -> rotate(List.of("%00", "%FF", "%07", "%ED%A0%80", "a%00b"));
            };
            String url = path + (path.contains("?") ? "&" : "?") + parameter.getKey() + "=" + value;
            Response answer = api.get(url, token(operation, data));
            hostileSent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add("GET " + operation.template() + " ?" + parameter.getKey() + "=" + value + ": "
                        + brief(answer));
            }
        }
    }

    /** The operation's query parameters; one documented as an object stands for its properties. */
    private static Map<String, JsonNode> queryParameters(Operation operation, OpenApiOperations document) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        JsonNode declared = operation.definition().path("parameters");
        for (JsonNode parameter : declared) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            JsonNode schema = document.resolve(parameter.path("schema"));
            if (schema.has("properties")) {
                schema.get("properties").properties().forEach(property -> parameters.put(property.getKey(),
                        document.resolve(property.getValue())));
            } else {
                parameters.put(text(parameter, "name"), schema);
            }
        }
        return parameters;
    }

    /** Properties of the schema the valid body leaves out (a caller's own id, a token), filled by their type. */
    private static void addMissingProperties(ObjectNode body, JsonNode schema, OpenApiOperations document) {
        schema.path("properties").properties().forEach(property -> {
            if (body.has(property.getKey())) {
                return;
            }
            JsonNode declared = document.resolve(property.getValue());
            switch (declared.path("format").asString().isEmpty() ? declared.path("type").asString()
                    : declared.path("format").asString()) {
                case "date" -> body.put(property.getKey(), "2026-01-01");
                case "date-time" -> body.put(property.getKey(), "2026-01-01T00:00:00Z");
                case "number", "integer", "int32", "int64", "double", "float" -> body.put(property.getKey(), 1);
                case "string", "uuid", "email", "uri" -> body.put(property.getKey(), "text");
                default -> {
                }
            }
        });
    }

    /** Paths of the body's text and number leaves, the first element of each array standing for the others. */
    private static void leaves(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(property -> leaves(property.getValue(),
                    path.isEmpty() ? property.getKey() : path + "." + property.getKey(), found));
        } else if (node.isArray() && !node.isEmpty()) {
            leaves(node.get(0), path + "[0]", found);
        } else if (node.isString() || node.isNumber()) {
            found.add(path);
        }
    }

    private JsonNode hostile(JsonNode original) {
        if (original.isNumber()) {
            return NODES.numberNode(new BigDecimal(rotate(HOSTILE_NUMBERS)));
        }
        String text = original.asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return NODES.stringNode(rotate(HOSTILE_DATES));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return NODES.stringNode(rotate(HOSTILE_TIMES));
        }
        return NODES.stringNode(rotate(HOSTILE_TEXT));
    }

    private String rotate(List<String> values) {
        return values.get(rotation++ % values.size());
    }

    private static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        for (String step : path.replace("[0]", ".[0]").split("\\.")) {
            node = step.equals("[0]") ? node.get(0) : node.get(step);
        }
        return node;
    }

    /** A copy of the body with the leaf at the path replaced. */
    private static JsonNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] steps = path.replace("[0]", ".[0]").split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].equals("[0]") ? parent.get(0) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.equals("[0]")) {
            ((ArrayNode) parent).set(0, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private String id(TenantFixture data, Operation operation, String kind, Position position) {
        if (position == Position.CREATED) {
            return UUID.randomUUID().toString();
        }
        String own = operation.portal() ? data.first(kind + "@client") : null;
        return own != null ? own : data.first(kind);
    }

    private String token(Operation operation, TenantFixture data) {
        if (operation.template().equals("/api/v1/portal/sessions")) {
            return null;
        }
        return operation.portal() ? data.portalSession() : admin();
    }

    private List<String> storedMarkers() {
        List<String> found = new ArrayList<>();
        for (String marker : STORED_MARKERS) {
            long events = jdbc.sql("""
                    SELECT count(*) FROM domain_event_entry e JOIN event_chain c ON c.global_index = e.global_index
                    WHERE c.organization_id = :org AND position(convert_to(:marker, 'UTF8') IN e.payload) > 0""")
                    .param("org", tenant).param("marker", marker).query(Long.class).single();
            if (events > 0) {
                found.add(marker + " in " + events + " events");
            }
        }
        return found;
    }

    private boolean projectionsCaughtUp() {
        JsonNode projections = api.get("/api/v1/admin/projections", admin()).json();
        for (JsonNode projection : projections) {
            if (projection.path("lag").asLong() > 0 || projection.path("parkedSequences").asLong() > 0
                    || projection.path("error").asBoolean()) {
                return false;
            }
        }
        return projections.size() > 0;
    }

    private String projections() {
        return api.get("/api/v1/admin/projections", admin()).body();
    }

    private static String brief(Response answer) {
        return answer.status() + " " + brief(answer.body() == null ? "" : answer.body());
    }

    /** Short, and in ASCII: a hostile character would garble the report of the failure. */
    private static String brief(String text) {
        StringBuilder ascii = new StringBuilder();
        text.replaceAll("\\s+", " ").chars().limit(160).forEach(c -> ascii.append(c >= 0x20 && c < 0x7F
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return ascii + (text.length() > 160 ? "..." : "");
    }
}
