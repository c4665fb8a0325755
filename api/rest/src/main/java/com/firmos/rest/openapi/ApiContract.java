package com.firmos.rest.openapi;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.firmos.rest.security.SecurityConfiguration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * What springdoc cannot read from a controller, written into the document: each operation's stable id, who may
 * call it, the problems it may answer, enum values as the wire spells them (lower case, WireFormatConfiguration),
 * the headers around the bodies, and null where the wire sends it: an answer's properties are all required, null
 * where its record's component may be; a request's are optional and may be null.
 */
final class ApiContract implements GlobalOpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The problems every operation may answer, by status: the shared responses of the document. */
    private static final Map<String, String> PROBLEMS = problems();
    private static final String SCHEMAS = "#/components/schemas/";
    /** The suffix of a request's copy of a schema answers use too. */
    static final String INPUT = "Input";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final String RETRY_AFTER = "Retry-After";
    private static final Map<String, Header> HEADERS = headers();

    private final OperationIds ids;
    private final UniqueSchemaNames names;

    ApiContract(OperationIds ids, UniqueSchemaNames names) {
        this.ids = ids;
        this.names = names;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        HEADERS.forEach(components::addHeaders);
        PROBLEMS.forEach((status, description) -> {
            ApiResponse problem = new ApiResponse().description(description).content(new Content().addMediaType(
                    PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
            if (status.equals("429") || status.equals("503")) {
                problem.addHeaderObject(RETRY_AFTER, header(RETRY_AFTER));
            }
            components.addResponses(responseName(status), problem);
        });
        components.addResponses("Stored202", new ApiResponse().description("Stored, but a view this answer would"
                + " show has not applied it (its event is parked in a dead letter): the id, and a detail").content(
                new Content().addMediaType("application/json", new MediaType().schema(new ObjectSchema()
                        .addProperty("id", new StringSchema()).addProperty("detail", new StringSchema())))));
        Set<String> documented = new HashSet<>();
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = OperationIds.key(method.name(), path);
            String id = ids.byOperation().get(key);
            if (id == null) {
                missing.add(key);
            } else {
                operation.setOperationId(id);
                documented.add(key);
            }
            secure(path, method, operation);
            problems(path, method, operation);
            headers(method, operation, api);
        }));
        Set<String> stale = new HashSet<>(ids.byOperation().keySet());
        stale.removeAll(documented);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            throw new IllegalStateException("openapi/operation-ids.tsv does not match the operations: without an"
                    + " id " + missing + ", for no operation " + stale);
        }
        splitShared(api);
        new WireSpelling(answersOnly(api)).apply(api);
        Examples examples = new Examples(api);
        api.getPaths().values().forEach(item -> item.readOperations().stream()
                .filter(operation -> operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null)
                .forEach(operation -> operation.getRequestBody().getContent().forEach((type, media) -> {
                    if (type.equals("application/json") && media.getExample() == null) {
                        media.setExample(examples.of(media.getSchema(), ""));
                    }
                })));
    }

    /**
     * The schemas only answers use, each with the properties that may be null. An answer writes every property of
     * its record (absent ones as null), so all are required there, except one left out when null
     * ({@code @JsonInclude} on the component or its record), which is never null; nor is a primitive. A schema a
     * request also uses keeps its properties optional: a request may leave them out.
     */
    @SuppressWarnings("rawtypes")
    private Map<Schema<?>, Set<String>> answersOnly(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inAnswers = new HashSet<>();
        operationSchemas(api, request -> references(request, schemas, inRequests),
                answer -> references(answer, schemas, inAnswers));
        inAnswers.removeAll(inRequests);
        Map<Schema<?>, Set<String>> nullable = new IdentityHashMap<>();
        for (String name : inAnswers) {
            Schema schema = schemas.get(name);
            Class<?> type = names.typeNamed(name).orElse(null);
            if (schema == null || schema.getProperties() == null || type == null || !type.isRecord()) {
                continue;
            }
            List<String> required = new ArrayList<>();
            Set<String> mayBeNull = new HashSet<>();
            JsonInclude ofRecord = type.getAnnotation(JsonInclude.class);
            for (RecordComponent component : type.getRecordComponents()) {
                JsonInclude include = component.getAccessor().isAnnotationPresent(JsonInclude.class)
                        ? component.getAccessor().getAnnotation(JsonInclude.class) : ofRecord;
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String property = renamed != null && !renamed.value().isEmpty() ? renamed.value()
                        : component.getName();
                if (!schema.getProperties().containsKey(property)) {
                    continue;
                }
                boolean primitive = component.getType().isPrimitive();
                // Left out when null (NON_NULL and the like): absent or a value, never null. A primitive is written.
                boolean nullWritten = include == null || include.value() == JsonInclude.Include.ALWAYS
                        || include.value() == JsonInclude.Include.USE_DEFAULTS;
                if (primitive || nullWritten) {
                    required.add(property);
                }
                if (!primitive && nullWritten) {
                    mayBeNull.add(property);
                }
            }
            schema.setRequired(required);
            nullable.put(schema, mayBeNull);
        }
        return nullable;
    }

    /**
     * Gives requests their own copy ({@code LineItemInput}) of each object schema they share with answers, so that
     * the answer's schema can require what every answer writes while a request may still leave it out: a client
     * generated from the document then reads an invoice's line items without optional fields.
     */
    @SuppressWarnings("rawtypes")
    private static void splitShared(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inAnswers = new HashSet<>();
        operationSchemas(api, request -> references(request, schemas, inRequests),
                answer -> references(answer, schemas, inAnswers));
        Set<String> shared = new HashSet<>(inRequests);
        shared.retainAll(inAnswers);
        shared.removeIf(name -> schemas.get(name) == null || schemas.get(name).getProperties() == null);
        Set<String> requestOnly = new HashSet<>(inRequests);
        requestOnly.removeAll(inAnswers);
        for (String name : shared) {
            if (schemas.containsKey(name + INPUT)) {
                throw new IllegalStateException("the schema " + name + INPUT + " exists: a request's copy of " + name
                        + " needs its name");
            }
            Schema copy = copy(schemas.get(name));
            schemas.put(name + INPUT, copy.description(copy.getDescription() != null ? copy.getDescription()
                    : "As a request sends a " + name));
        }
        // Requests refer to the copies: from their parameters and bodies, and from the schemas only they use.
        operationSchemas(api, request -> toInputs(request, shared), answer -> { });
        requestOnly.forEach(name -> toInputs(schemas.get(name), shared));
        shared.forEach(name -> toInputs(schemas.get(name + INPUT), shared));
    }

    @SuppressWarnings("rawtypes")
    private static Schema copy(Schema schema) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readValue(
                    io.swagger.v3.core.util.Json.mapper().writeValueAsString(schema), Schema.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not copy the schema " + schema.getName(), e);
        }
    }

    /** Points this schema's references to a shared schema at its request copy; other references stay. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void toInputs(Schema schema, Set<String> shared) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
            if (shared.contains(schema.get$ref().substring(SCHEMAS.length()))) {
                schema.set$ref(schema.get$ref() + INPUT);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> toInputs((Schema) property, shared));
        }
        toInputs(schema.getItems(), shared);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            toInputs(additional, shared);
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(part -> toInputs(part, shared));
            }
        }
    }

    /** The schemas of every operation: its parameters' and body's to {@code requests}, its answers' to the other. */
    @SuppressWarnings("rawtypes")
    private static void operationSchemas(OpenAPI api, Consumer<Schema> requests, Consumer<Schema> answers) {
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> requests.accept(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> requests.accept(media.getSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                        .forEach(response -> response.getContent().values()
                                .forEach(media -> answers.accept(media.getSchema())));
            }
        }));
    }

    /** The component schema a reference names, or the schema itself. */
    @SuppressWarnings("rawtypes")
    private static Schema resolve(Schema schema, OpenAPI api) {
        if (schema != null && schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
            return api.getComponents().getSchemas().get(schema.get$ref().substring(SCHEMAS.length()));
        }
        return schema;
    }

    /** Adds the names of the component schemas this schema refers to, and theirs, to {@code found}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void references(Schema schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
            String name = schema.get$ref().substring(SCHEMAS.length());
            if (found.add(name)) {
                references(schemas.get(name), schemas, found);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> references((Schema) property, schemas, found));
        }
        references(schema.getItems(), schemas, found);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            references(additional, schemas, found);
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(part -> references(part, schemas, found));
            }
        }
    }

    /** The security of SecurityConfiguration: a few public portal routes, the portal's session, the Workbench. */
    private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = path.startsWith("/actuator/health")
                || path.startsWith("/api/v1/portal/links/")
                || method == PathItem.HttpMethod.POST && SecurityConfiguration.PUBLIC_WRITES.contains(path);
        operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(
                path.startsWith("/api/v1/portal/") ? ApiDocumentConfiguration.PORTAL
                        : ApiDocumentConfiguration.WORKBENCH)));
    }

    /** The problems this operation may answer besides its success, from what it takes (ProblemDetailsAdvice). */
    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean open = operation.getSecurity().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Set<String> parameters = new HashSet<>();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> parameters.add(parameter.getName()));
        }
        // A public route refuses a bad link with 401 too; only a token opens the others.
        List<String> statuses = new ArrayList<>(List.of("400", "401"));
        if (!open) {
            statuses.add("403");
        }
        if (path.contains("{") || write) {
            // The id in the path, or one a body refers to.
            statuses.add("404");
        }
        if (write) {
            // A domain refusal or a stale If-Match (stale-version); personal data of a person since erased.
            statuses.addAll(List.of("409", "410", "413"));
        }
        if (parameters.contains("If-Match") && (method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) && path.endsWith("/document")) {
            // A tool document's save must name the version it was made from.
            statuses.add("428");
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.add("422");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("415");
        }
        if (responses.entrySet().stream().anyMatch(answer -> answer.getKey().startsWith("2")
                && answer.getValue().getContent() != null)) {
            // What the answer is cannot be given in the type the Accept header asks for.
            statuses.add("406");
        }
        if (open || parameters.contains("asOf") || path.startsWith("/api/v1/admin/aggregates/")) {
            // Link attempts per address; reads of the past per tenant (HistoryReads).
            statuses.add("429");
        }
        statuses.add("503");
        if (write) {
            // The write is stored, but a view the answer would show parked its event (ProblemDetailsAdvice).
            responses.computeIfAbsent("202", absent -> new ApiResponse().$ref("#/components/responses/Stored202"));
        }
        statuses.forEach(status -> responses.computeIfAbsent(status,
                absent -> new ApiResponse().$ref("#/components/responses/" + responseName(status))));
        operation.setResponses(responses);
    }

    /**
     * The headers around the bodies: a version in ETag wherever the answer shows one (its body has a
     * {@code version}), the new resource's Location on a 201, and on a POST of a caller's own the Idempotency-Key
     * it may send and the Idempotent-Replayed mark of an answer given again (IdempotencyInterceptor).
     */
    private static void headers(PathItem.HttpMethod method, Operation operation, OpenAPI api) {
        boolean keyed = method == PathItem.HttpMethod.POST && !operation.getSecurity().isEmpty();
        if (keyed) {
            operation.addParametersItem(new Parameter().in("header").name(IDEMPOTENCY_KEY).required(false)
                    .description("Makes a retry of this request harmless: the same key and body within a day get"
                            + " the first answer again, with Idempotent-Replayed: true; the same key on another"
                            + " request is refused with 422")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]+$")));
        }
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.get$ref() != null) {
                return;
            }
            if (status.equals("201")) {
                response.addHeaderObject("Location", header("Location"));
            }
            if (keyed) {
                response.addHeaderObject(IDEMPOTENT_REPLAYED, header(IDEMPOTENT_REPLAYED));
            }
            if (response.getContent() != null && response.getContent().values().stream()
                    .anyMatch(media -> versioned(media.getSchema(), api))) {
                response.addHeaderObject("ETag", header("ETag"));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static boolean versioned(Schema schema, OpenAPI api) {
        Schema resolved = resolve(schema, api);
        return resolved != null && resolved.getProperties() != null && resolved.getProperties().containsKey("version");
    }

    private static Header header(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", new Header().required(true).description("The version the answer shows, quoted"
                + " (\"3\"): send it back in If-Match to change what you read, or get 409 stale-version")
                .schema(new StringSchema()));
        headers.put("Location", new Header().required(true).description("Where the created resource is read (GET)")
                .schema(new StringSchema()));
        headers.put(IDEMPOTENT_REPLAYED, new Header().description("true when this is the first answer given again"
                + " to a retry (Idempotency-Key, or a create's own id)").schema(new StringSchema()._enum(
                        List.of("true"))));
        headers.put(RETRY_AFTER, new Header().description("Seconds to wait before trying again")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        return headers;
    }

    private static String responseName(String status) {
        return "Problem" + status;
    }

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "A value the operation does not accept: `field` names it and `rule` says why");
        problems.put("401", "No valid bearer token, or (on the public portal routes) no valid magic link");
        problems.put("403", "The token's role or tenant may not do this");
        problems.put("404", "Nothing with this id (in the path, or one the body refers to) in the caller's tenant");
        problems.put("406", "The Accept header names no type this operation answers in (it answers"
                + " application/json, or the type its success lists)");
        problems.put("409", "Refused by the domain in its current state (`code` says which rule), or a stale"
                + " version");
        problems.put("410", "The person this writes about was erased; their data cannot be written again");
        problems.put("413", "The body is larger than this route accepts (`body-too-large`)");
        problems.put("415", "The body's Content-Type is not one this operation reads (`unsupported-media-type`)");
        problems.put("422", "The Idempotency-Key, or the id a create chose, was used before for a different request");
        problems.put("428", "The save does not name, in If-Match, the version it was made from");
        problems.put("429", "Too many link attempts from this address, or reads of the past in this tenant; retry"
                + " after Retry-After seconds");
        problems.put("503", "The server is busy or its database unreachable; retry after Retry-After seconds");
        return problems;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details, with the firm's stable code")
                .addProperty("type", new StringSchema().example("urn:firmos:problem:invalid-value"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("must not be blank"))
                .addProperty("instance", new StringSchema().example("/api/v1/activities"))
                .addProperty("code", new StringSchema().description("Stable, for programs").example("invalid-value"))
                .addProperty("field", new StringSchema().description("The request's field a refused value came"
                        + " from").example("title"))
                .addProperty("rule", new StringSchema().description("What that field must be")
                        .example("must not be blank"))
                .required(List.of("type", "title", "status", "code"));
    }

    /** Lower-cases enum values and lets optional properties be null, in every schema of the document, once each. */
    private static final class WireSpelling {

        private final Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        /** Answers' schemas, each with exactly the properties that may be null. */
        private final Map<Schema<?>, Set<String>> answers;

        WireSpelling(Map<Schema<?>, Set<String>> answers) {
            this.answers = answers;
        }

        void apply(OpenAPI api) {
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(this::visit);
            }
            operationSchemas(api, this::visit, this::visit);
        }

        /** springdoc's reading of a property of type Object: any JSON value, where it says only an object. */
        @SuppressWarnings("rawtypes")
        private static boolean anyValue(Schema property) {
            return "object".equals(property.getType()) && property.getProperties() == null
                    && property.getAdditionalProperties() == null && property.get$ref() == null;
        }

        /**
         * The property, or null. OpenAPI 3.0 ignores {@code nullable} beside a reference, and inside allOf the
         * reference still refuses null: a reference becomes one of itself or the schema that only null meets.
         */
        @SuppressWarnings({"rawtypes", "unchecked"})
        private static Schema nullable(Schema property) {
            if (property.get$ref() != null) {
                Schema onlyNull = new ObjectSchema().nullable(true);
                onlyNull.setEnum(Collections.singletonList(null));
                return new Schema().anyOf(List.of(property, onlyNull));
            }
            if (property.getType() == null) {
                return property;
            }
            property.setNullable(true);
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnum());
                values.add(null);
                property.setEnum(values);
            }
            return property;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private void visit(Schema schema) {
            if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
                return;
            }
            if (schema.getEnum() != null && schema.getEnum().stream().allMatch(String.class::isInstance)) {
                schema.setEnum(schema.getEnum().stream()
                        .map(value -> ((String) value).toLowerCase(Locale.ROOT)).toList());
            }
            if (schema.getProperties() != null) {
                Map<String, Schema> properties = schema.getProperties();
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                Set<String> mayBeNull = answers.get(schema);
                properties.values().forEach(this::visit);
                properties.replaceAll((name, property) -> anyValue(property) ? new Schema()
                        .description(property.getDescription())
                        : mayBeNull != null ? (mayBeNull.contains(name) ? nullable(property) : property)
                        : required.contains(name) ? property : nullable(property));
            }
            visit(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                if (anyValue(additional)) {
                    // A map of Object: its values are any JSON value, not only objects.
                    schema.setAdditionalProperties(true);
                } else {
                    visit(additional);
                }
            }
            for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
                if (composed != null) {
                    composed.forEach(this::visit);
                }
            }
        }
    }

    /**
     * A request body's example, built from its schema after the wire spelling: every property with a value of its
     * type and format (an enum's first value, an id, a date), text named after the property. The lint checks each
     * against its schema, ApiDocumentTest sends each to the server.
     */
    private static final class Examples {

        private static final int DEPTH = 4;
        private final OpenAPI api;

        Examples(OpenAPI api) {
            this.api = api;
        }

        @SuppressWarnings("rawtypes")
        Object of(Schema schema, String property) {
            return value(schema, property, 0);
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private Object value(Schema schema, String property, int depth) {
            Schema resolved = resolve(schema, api);
            if (resolved == null || depth > DEPTH) {
                return null;
            }
            if (resolved.getAnyOf() != null && !resolved.getAnyOf().isEmpty()) {
                return value((Schema) resolved.getAnyOf().getFirst(), property, depth);
            }
            if (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) {
                return resolved.getEnum().stream().filter(Objects::nonNull).findFirst().orElse(null);
            }
            String type = resolved.getType() == null ? "" : resolved.getType();
            String format = resolved.getFormat() == null ? "" : resolved.getFormat();
            return switch (type) {
                case "object" -> object(resolved, depth);
                case "array" -> {
                    Object item = value(resolved.getItems(), property, depth + 1);
                    yield item == null ? List.of() : List.of(item);
                }
                case "integer" -> 1;
                case "number" -> new BigDecimal("100.00");
                case "boolean" -> false;
                case "string" -> text(format, property);
                default -> resolved.getProperties() != null ? object(resolved, depth) : null;
            };
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private Map<String, Object> object(Schema schema, int depth) {
            Map<String, Object> example = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
                    Object value = value(property, name, depth + 1);
                    if (value != null) {
                        example.put(name, value);
                    }
                });
            }
            return example;
        }

        private static String text(String format, String property) {
            String name = property.toLowerCase(Locale.ROOT);
            return switch (format) {
                case "uuid" -> "6a1f3c2e-0000-4000-8000-000000000001";
                case "date" -> "2027-03-01";
                case "date-time" -> "2027-03-01T09:30:00Z";
                case "uri", "url" -> "https://files.example.com/agenda.pdf";
                case "email" -> "ada.lovelace@example.com";
                default -> name.contains("email") ? "ada.lovelace@example.com"
                        : name.contains("phone") ? "+44 20 7946 0958"
                        : name.contains("url") ? "https://files.example.com/agenda.pdf"
                        : "Example " + words(property);
            };
        }

        /** {@code contactName} as "contact name". */
        private static String words(String property) {
            return property.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
    }
}
