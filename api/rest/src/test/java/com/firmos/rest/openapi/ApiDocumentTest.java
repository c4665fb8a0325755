package com.firmos.rest.openapi;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OpenApiOperations;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a front-end team reads it to generate a client: every operation named by a verb, once;
 * every body documented with the fields its handler binds; no parameter a client cannot send; the wire's
 * spelling of enum values; who may call what. Every exchange is also held to the document (ContractCheck).
 */
class ApiDocumentTest extends IntegrationTest {

    private static final Pattern VERB_FIRST = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Pattern EXAMPLE_ID = Pattern.compile("6a1f3c2e-0000-4000-8000-000000000001");
    private static final Pattern TYPE_RULE = Pattern.compile("must be a string|must be a number|must be an array"
            + "|must be true or false|has the wrong type or format|must be one of");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document;
    private OpenApiOperations described;

    @BeforeEach
    void readTheDocument() {
        document = api.get("/v3/api-docs", null).json();
        described = OpenApiOperations.of(document);
    }

    /** Saved where the build's next steps read it: the TypeScript client is generated from it, and it is linted. */
    @Test
    void theDocumentIsSavedForTheClientGeneratorAndTheLinter() throws IOException {
        Path saved = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, api.get("/v3/api-docs", null).body());

        assertThat(JSON.readTree(saved.toFile()).path("paths").size()).isGreaterThan(100);
    }

    @Test
    void theDocumentNamesTheApiAndHowToAuthorise() {
        assertThat(text(document.get("info"), "title")).isEqualTo("firmos API");
        assertThat(text(document.get("info"), "version")).isEqualTo("v1");
        JsonNode schemes = document.at("/components/securitySchemes");
        for (String scheme : List.of("workbench", "portalSession")) {
            assertThat(text(schemes.get(scheme), "type")).isEqualTo("http");
            assertThat(text(schemes.get(scheme), "scheme")).isEqualTo("bearer");
        }
    }

    @Test
    void everyOperationHasItsOwnVerbFirstId() {
        List<String> ids = new ArrayList<>();
        operations((method, path, operation) -> ids.add(text(operation, "operationId")));

        assertThat(ids).hasSizeGreaterThan(150).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches(VERB_FIRST).doesNotMatch(".*\\d$"));
        assertThat(ids).contains("changeActivityStatus", "grantPortalAccess", "issueInvoice", "startPortalSession");
    }

    @Test
    void noOperationAsksForTheCallerOrAnObjectInTheQuery() {
        List<String> objects = new ArrayList<>();
        operations((method, path, operation) -> operation.path("parameters").forEach(parameter -> {
            JsonNode schema = resolve(parameter.path("schema"));
            if (text(parameter, "in").equals("query") && (schema.has("properties")
                    || text(parameter, "name").equals("user"))) {
                objects.add(method + " " + path + " ?" + text(parameter, "name"));
            }
        }));

        assertThat(objects).isEmpty();
        assertThat(parameterNames("get", "/api/v1/timeline")).contains("entityType", "entityId", "eventType",
                "actorId", "from", "to", "cursor", "limit", "engagementId");
    }

    /** The case that misled clients: two handlers' bodies of one simple name were documented as one. */
    @Test
    void everyBodyIsDocumentedWithTheFieldsItsHandlerBinds() {
        List<String> wrong = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = bodyType(mapping.getValue());
            if (body == null || !body.isRecord()) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = document.path("paths").path(path)
                            .path(method.name().toLowerCase(Locale.ROOT));
                    Set<String> documented = new TreeSet<>();
                    resolve(operation.at("/requestBody/content/application~1json/schema")).path("properties")
                            .propertyNames().forEach(documented::add);
                    Set<String> bound = new TreeSet<>(fields(body));
                    bodies++;
                    if (!documented.equals(bound)) {
                        wrong.add(method + " " + path + ": documented " + documented + ", bound " + bound);
                    }
                }
            }
        }

        assertThat(bodies).isGreaterThan(80);
        assertThat(wrong).isEmpty();
    }

    @Test
    void enumValuesAreSpelledAsTheWireSpellsThem() {
        Set<String> values = new LinkedHashSet<>();
        collectEnums(document, values);

        assertThat(values).contains("in_progress", "planned").allSatisfy(value -> assertThat(value)
                .isEqualTo(value.toLowerCase(Locale.ROOT)));
    }

    @Test
    void personalDataIsDocumentedAsTheTextAnAnswerCarries() {
        JsonNode name = resolve(document.at("/components/schemas/StakeholderView/properties/name"));

        assertThat(text(name, "type")).isEqualTo("string");
        assertThat(document.at("/components/schemas").has("Sealed")).isFalse();
    }

    @Test
    void createsAnswer201AndCommandsWithoutABody204() {
        for (String create : List.of("activities", "engagements", "proposals", "invoice-schedules", "invoices",
                "deals", "clients")) {
            assertThat(document.at("/paths/~1api~1v1~1" + create + "/post/responses").propertyNames())
                    .as(create).contains("201").doesNotContain("200");
        }
        assertThat(document.at("/paths/~1api~1v1~1messages~1{id}/delete/responses").propertyNames())
                .contains("204").doesNotContain("200");
        assertThat(document.at("/paths/~1api~1v1~1deals~1{id}~1win/post/responses").propertyNames())
                .contains("200", "202");
    }

    /** An invoice's line items are answered whole and sent in part: one schema for each. */
    @Test
    void aSchemaRequestsAndAnswersShareIsSplitSoTheAnswerRequiresItsProperties() {
        JsonNode answered = document.at("/components/schemas/LineItem");
        JsonNode sent = document.at("/components/schemas/LineItemInput");
        JsonNode draft = resolve(document.at("/paths/~1api~1v1~1invoices/post/requestBody/content/application~1json"
                + "/schema"));
        JsonNode invoice = resolve(document.at("/paths/~1api~1v1~1invoices~1{id}/get/responses/200/content/"
                + "application~1json/schema"));

        assertThat(answered.path("required").size()).isEqualTo(answered.path("properties").size()).isPositive();
        assertThat(sent.has("required")).isFalse();
        assertThat(sent.path("properties").propertyNames()).containsExactlyElementsOf(
                answered.path("properties").propertyNames());
        assertThat(draft.at("/properties/lines/items/$ref").asString()).endsWith("/LineItemInput");
        assertThat(invoice.at("/properties/lines/items/$ref").asString()).endsWith("/LineItem");
    }

    /** Across the whole document: no answer reaches a request's copy, and no request reaches the answer's schema. */
    @Test
    void answersAndRequestsReachOnlyTheirOwnSideOfASplitSchema() {
        Set<String> fromAnswers = new TreeSet<>();
        Set<String> fromRequests = new TreeSet<>();
        document.path("paths").forEach(item -> item.forEach(operation -> {
            operation.path("responses").forEach(answer -> answer.path("content")
                    .forEach(media -> reached(media.path("schema"), fromAnswers)));
            operation.path("requestBody").path("content").forEach(media -> reached(media.path("schema"),
                    fromRequests));
            operation.path("parameters").forEach(parameter -> reached(parameter.path("schema"), fromRequests));
        }));
        Set<String> split = new TreeSet<>();
        document.at("/components/schemas").propertyNames().stream().filter(name -> name.endsWith("Input"))
                .forEach(name -> split.add(name.substring(0, name.length() - "Input".length())));

        assertThat(split).contains("LineItem", "EntityReference", "ScoreData", "Attachment");
        assertThat(fromAnswers).noneMatch(name -> name.endsWith("Input"));
        assertThat(fromRequests).doesNotContainAnyElementsOf(split);
    }

    /** The component schemas this schema refers to, and theirs. */
    private void reached(JsonNode schema, Set<String> found) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            if (found.add(name)) {
                reached(document.at("/components/schemas/" + name), found);
            }
            return;
        }
        schema.path("properties").forEach(property -> reached(property, found));
        reached(schema.path("items"), found);
        reached(schema.path("additionalProperties"), found);
        for (String composed : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(composed).forEach(part -> reached(part, found));
        }
    }

    /** A generated client's fields of an answer are not optional: the server writes each, null where it can be. */
    @Test
    void anAnswerRequiresEveryPropertyAndOnlyThoseThatCanBeNullMayBeNull() {
        JsonNode activity = document.at("/components/schemas/ActivityView");
        Set<String> required = new TreeSet<>();
        activity.path("required").forEach(name -> required.add(name.asString()));

        assertThat(required).isEqualTo(new TreeSet<>(activity.path("properties").propertyNames()));
        for (String primitive : List.of("version", "orderIndex", "outgoingRelations")) {
            assertThat(activity.at("/properties/" + primitive + "/nullable").asBoolean(false)).as(primitive)
                    .isFalse();
        }
        assertThat(activity.at("/properties/description/nullable").asBoolean(false)).isTrue();
        assertThat(activity.at("/properties/scoreData/anyOf").size()).as("a reference or null").isEqualTo(2);
        // A request may leave out what it does not set.
        assertThat(resolve(document.at("/paths/~1api~1v1~1activities/post/requestBody/content/application~1json"
                + "/schema")).has("required")).isFalse();
    }

    @Test
    void theHeadersAClientActsOnAreDeclaredWhereTheyAreSent() {
        assertThat(document.at("/paths/~1api~1v1~1activities/post/responses/201/headers").propertyNames())
                .contains("Location", "ETag", "Idempotent-Replayed");
        assertThat(document.at("/components/headers/Location/required").asBoolean()).as("a 201 says where").isTrue();
        assertThat(document.at("/paths/~1api~1v1~1activities~1{id}/get/responses/200/headers").propertyNames())
                .contains("ETag").doesNotContain("Location", "Idempotent-Replayed");
        assertThat(parameterNames("post", "/api/v1/activities")).contains("Idempotency-Key");
        assertThat(parameterNames("post", "/api/v1/portal/sessions")).doesNotContain("Idempotency-Key");
        for (String status : List.of("429", "503")) {
            assertThat(document.at("/components/responses/Problem" + status + "/headers").propertyNames())
                    .contains("Retry-After");
        }
    }

    /**
     * Every request body has an example, and the server reads each: sent as it is (with fresh ids, so that creates
     * do not meet each other), none is refused for a value's type or format, none fails. Ids in paths and bodies
     * name nothing, so most answers are 404: the body was read before the handler looked.
     */
    @Test
    void everyRequestBodyHasAnExampleTheServerReads() {
        List<String> wrong = new ArrayList<>();
        int read = 0;
        String token = admin();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode example = operation.getValue().at("/requestBody/content/application~1json/example");
                if (operation.getValue().path("requestBody").isMissingNode()
                        || !operation.getValue().at("/requestBody/content/application~1json").isObject()) {
                    continue;
                }
                String name = operation.getKey() + " " + path.getKey();
                if (example.isMissingNode()) {
                    wrong.add(name + " has no example");
                    continue;
                }
                if (path.getKey().startsWith("/api/v1/portal/") || path.getKey().startsWith("/api/v1/admin/")) {
                    // Portal sessions and operators hold other tokens; their bodies are the same records.
                    continue;
                }
                JsonNode parameters = operation.getValue().path("parameters");
                String url = PATH_VARIABLE.matcher(path.getKey()).replaceAll(variable -> pathValue(parameters,
                        variable.group().substring(1, variable.group().length() - 1)));
                String body = EXAMPLE_ID.matcher(example.toString()).replaceAll(id -> UUID.randomUUID().toString());
                Response answer = api.send(operation.getKey().toUpperCase(Locale.ROOT), url, token, body, Map.of());
                read++;
                if (answer.status() >= 500 || answer.status() == 400 && (answer.body().contains("malformed-body")
                        || TYPE_RULE.matcher(answer.body()).find())) {
                    wrong.add(name + " " + body + " -> " + answer.status() + " " + answer.body());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(read).isGreaterThan(60);
    }

    /** What the document says about tokens is what the server does: asked without one, exactly the secured refuse. */
    @Test
    void exactlyTheOperationsDocumentedAsSecuredRefuseACallerWithoutAToken() {
        List<String> wrong = new ArrayList<>();
        operations((method, path, operation) -> {
            if (method.equals("head")) {
                // No body says which 401 it is; the GET of the same path is asked instead.
                return;
            }
            boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
            String url = PATH_VARIABLE.matcher(path).replaceAll(variable -> UUID.randomUUID().toString());
            Response answer = api.send(method.toUpperCase(Locale.ROOT), url, null,
                    method.equals("get") || method.equals("delete") ? null : "{}",
                    Map.of());
            boolean unauthenticated = answer.status() == 401 && answer.body().contains("\"code\":\"unauthenticated\"");
            if (open == unauthenticated) {
                wrong.add(method + " " + path + (open ? " is documented as public" : " is documented as secured")
                        + " and answered " + answer.status() + " " + answer.body());
            }
            if (!open && !operation.path("security").get(0).has(path.startsWith("/api/v1/portal/")
                    ? "portalSession" : "workbench")) {
                wrong.add(method + " " + path + " names the wrong scheme: " + operation.path("security"));
            }
        });

        assertThat(wrong).isEmpty();
        assertThat(text(resolve(document.at("/components/responses/Problem409/content/application~1problem+json"
                + "/schema")).path("properties").path("code"), "type")).isEqualTo("string");
    }

    /** A value the path parameter takes: its enum's first, or an id that names nothing. */
    private String pathValue(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            JsonNode values = resolve(parameter.path("schema")).path("enum");
            if (text(parameter, "name").equals(name) && values.isArray() && !values.isEmpty()) {
                return values.get(0).asString();
            }
        }
        return UUID.randomUUID().toString();
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> visitor.visit(operation.getKey(), path.getKey(), operation.getValue())));
    }

    private Set<String> parameterNames(String method, String path) {
        Set<String> names = new TreeSet<>();
        document.path("paths").path(path).path(method).path("parameters")
                .forEach(parameter -> names.add(text(parameter, "name")));
        return names;
    }

    private JsonNode resolve(JsonNode schema) {
        return described.resolve(schema);
    }

    private static void collectEnums(JsonNode node, Set<String> values) {
        if (node.isObject() && node.has("enum")) {
            node.get("enum").forEach(value -> values.add(value.asString()));
        }
        node.forEach(child -> collectEnums(child, values));
    }

    private static Class<?> bodyType(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType();
            }
        }
        return null;
    }

    /** The record's components as JSON names them; Jackson's annotations land on the accessor of a component. */
    private static List<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> !component.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .map(ApiDocumentTest::jsonName).toList();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }
}
