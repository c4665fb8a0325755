package com.firmos.rest.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every exchange of the HTTP tests to the server's own OpenAPI document: an answer whose status or body the
 * document does not describe fails the test that got it, and so does an accepted (2xx) request the document does
 * not describe. Refused requests are not checked: many tests send what no document allows, on purpose.
 */
final class ContractCheck {

    /** One validator per document text: every application context of the suite serves the same document. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    private static final List<String> UNDOCUMENTED = List.of("/v3/api-docs", "/actuator", "/swagger-ui", "/error");
    private static final Set<String> UNKNOWN_ROUTE = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    /** What any path or method the document lacks answers: no token, no role, no such route, no such method. */
    private static final Set<Integer> REFUSALS_OF_UNKNOWN_ROUTES = Set.of(401, 403, 404, 405);

    /** The headers whose presence says something a client acts on: each must be declared where it is sent. */
    private static final List<String> DECLARED_HEADERS = List.of("ETag", "Location", "Idempotent-Replayed",
            "Retry-After");
    /** Creates that answer their resource with what is shown only once (a token), and the resource it wraps. */
    private static final Map<String, String> SHOWN_ONCE = Map.of("IssuedLink", "Access",
            "SessionStarted", "PortalSession");
    private static final Map<String, JsonNode> PARSED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}]+}");

    private final OpenApiInteractionValidator validator;
    private final JsonNode document;

    private ContractCheck(OpenApiInteractionValidator validator, JsonNode document) {
        this.validator = validator;
        this.document = document;
    }

    static ContractCheck of(String base, HttpClient client) {
        String document = DOCUMENTS.computeIfAbsent(base, absent -> fetch(base, client));
        return new ContractCheck(validator(document), PARSED.computeIfAbsent(document, JSON::readTree));
    }

    /** For a document given as text: the check's own tests. */
    static ContractCheck ofDocument(String document) {
        return new ContractCheck(validator(document), JSON.readTree(document));
    }

    private static OpenApiInteractionValidator validator(String document) {
        return VALIDATORS.computeIfAbsent(document, text -> OpenApiInteractionValidator
                .createForInlineApiSpecification(text)
                .withLevelResolver(LevelResolver.create()
                        // The server ignores what a request adds (README, "Retries"; the legacy export's columns):
                        // an answer, though, must not carry what the document does not list.
                        .withLevel("validation.request.body.schema.additionalProperties",
                                ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    void check(String method, String target, Map<String, List<String>> requestHeaders, byte[] body,
            HttpResponse<String> response) {
        URI uri = URI.create(target);
        // Decoded as the server routes it: /%61pi/v1/clients is /api/v1/clients.
        String path = uri.getPath();
        if (UNDOCUMENTED.stream().anyMatch(path::startsWith)) {
            return;
        }
        Request.Method asked = Request.Method.valueOf(method);
        // An answer to HEAD is the GET's without its body (RFC 9110): held to the GET where HEAD is not documented.
        Request.Method verb = asked == Request.Method.HEAD && !documented(path, asked) ? Request.Method.GET : asked;
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path, verb, answer.build());
        if (response.statusCode() / 100 == 2) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(verb, path);
            requestHeaders.forEach(request::withHeader);
            query(uri.getRawQuery()).forEach(request::withQueryParam);
            if (body != null) {
                request.withBody(body);
            }
            report = report.merge(validator.validateRequest(request.build()));
        }
        List<String> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                // A route the document lacks may answer only the refusals any unknown route gets.
                .filter(message -> !UNKNOWN_ROUTE.contains(message.getKey())
                        || !REFUSALS_OF_UNKNOWN_ROUTES.contains(response.statusCode()))
                // A HEAD answer has no body, and JSON Lines may hold no line.
                .filter(message -> !message.getKey().equals("validation.response.body.missing")
                        || asked != Request.Method.HEAD && !streamed(response))
                .map(message -> message.getKey() + " " + message.getMessage())
                .collect(Collectors.toCollection(ArrayList::new));
        errors.addAll(undeclaredHeaders(path, verb, response));
        errors.addAll(unreadableLocation(path, verb, response));
        if (!errors.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not describe " + method + " " + target + " -> "
                    + response.statusCode() + ": " + String.join("; ", errors));
        }
    }

    /**
     * The headers the answer carries that the document does not declare for its operation and status (the
     * validator checks only those declared). A route the document lacks has nothing to declare them.
     */
    private List<String> undeclaredHeaders(String path, Request.Method method, HttpResponse<String> response) {
        JsonNode operation = operation(path, method.name().toLowerCase(java.util.Locale.ROOT));
        if (operation == null) {
            return List.of();
        }
        JsonNode answer = operation.path("responses").path(Integer.toString(response.statusCode()));
        if (answer.has("$ref")) {
            answer = document.path("components").path("responses")
                    .path(answer.get("$ref").asString().substring("#/components/responses/".length()));
        }
        Set<String> declared = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        answer.path("headers").propertyNames().forEach(declared::add);
        return DECLARED_HEADERS.stream()
                .filter(name -> response.headers().firstValue(name).isPresent() && !declared.contains(name))
                .map(name -> "header " + name + " is sent with " + response.statusCode() + " but not declared")
                .toList();
    }

    /**
     * A created resource's Location must be a path whose GET answers what the create answered (the same schema, or
     * the one the create wraps with what is shown once): a client follows it to read the resource again.
     */
    private List<String> unreadableLocation(String path, Request.Method method, HttpResponse<String> response) {
        String location = response.statusCode() != 201 ? null
                : response.headers().firstValue("Location").map(value -> URI.create(value).getPath()).orElse(null);
        if (location == null) {
            return List.of();
        }
        JsonNode read = operation(location, "get");
        if (read == null) {
            return List.of("Location " + location + " has no GET in the document");
        }
        String created = schemaName(operation(path, method.name().toLowerCase(java.util.Locale.ROOT)), "201");
        String readAgain = schemaName(read, "200");
        if (created.equals(readAgain) || readAgain.equals(SHOWN_ONCE.get(created))) {
            return List.of();
        }
        return List.of("Location " + location + " reads " + readAgain + ", not the " + created + " created");
    }

    /** The schema an operation's answer of this status names, or its shape's text when it names none. */
    private static String schemaName(JsonNode operation, String status) {
        JsonNode content = operation == null ? MissingNode.getInstance()
                : operation.path("responses").path(status).path("content");
        JsonNode schema = content.isEmpty() ? MissingNode.getInstance() : content.values().iterator().next()
                .path("schema");
        return schema.has("$ref") ? schema.get("$ref").asString().replace("#/components/schemas/", "")
                : "an answer of " + schema;
    }

    /** The document's operation for a concrete path: the template with the fewest parameters that matches. */
    private JsonNode operation(String path, String method) {
        JsonNode best = null;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> item : document.path("paths").properties()) {
            String template = item.getKey();
            int parameters = (int) TEMPLATE_PARAMETER.matcher(template).results().count();
            if (item.getValue().has(method) && parameters < fewest && path.matches(
                    TEMPLATE_PARAMETER.matcher(Pattern.quote(template)).replaceAll("\\\\E[^/]+\\\\Q"))) {
                best = item.getValue().get(method);
                fewest = parameters;
            }
        }
        return best;
    }

    /** Whether the document has this method on this path: a probe request without parameters or body. */
    private boolean documented(String path, Request.Method method) {
        return validator.validateRequest(new SimpleRequest.Builder(method, path).build()).getMessages().stream()
                .noneMatch(message -> UNKNOWN_ROUTE.contains(message.getKey()));
    }

    private static boolean streamed(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson");
    }

    private static Map<String, List<String>> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(pair -> decode(pair[0]), java.util.LinkedHashMap::new,
                        Collectors.mapping(pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String fetch(String base, HttpClient client) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
