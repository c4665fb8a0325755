package com.firmos.rest.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import com.firmos.rest.security.SecurityConfiguration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
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
 * call it, the problems it may answer, and enum values as the wire spells them (lower case, WireFormatConfiguration).
 */
final class ApiContract implements GlobalOpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The problems every operation may answer, by status: the shared responses of the document. */
    private static final Map<String, String> PROBLEMS = problems();

    private final OperationIds ids;

    ApiContract(OperationIds ids) {
        this.ids = ids;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        PROBLEMS.forEach((status, description) -> components.addResponses(responseName(status),
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
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
        }));
        Set<String> stale = new HashSet<>(ids.byOperation().keySet());
        stale.removeAll(documented);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            throw new IllegalStateException("openapi/operation-ids.tsv does not match the operations: without an"
                    + " id " + missing + ", for no operation " + stale);
        }
        new EnumSpelling().apply(api);
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

    /** The problems this operation may answer besides its success, from what it takes. */
    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean secured = !operation.getSecurity().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter::getName).anyMatch("If-Match"::equalsIgnoreCase);
        List<String> statuses = new ArrayList<>(List.of("400"));
        if (secured) {
            statuses.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.addAll(List.of("409", "413", "422"));
        }
        if (ifMatch) {
            statuses.add("412");
        }
        if (!secured) {
            statuses.add("429");
        }
        statuses.add("503");
        statuses.forEach(status -> responses.computeIfAbsent(status,
                absent -> new ApiResponse().$ref("#/components/responses/" + responseName(status))));
        operation.setResponses(responses);
    }

    private static String responseName(String status) {
        return "Problem" + status;
    }

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "A value the operation does not accept: `field` names it and `rule` says why");
        problems.put("401", "No valid bearer token");
        problems.put("403", "The token's role or tenant may not do this");
        problems.put("404", "Nothing with this id in the caller's tenant");
        problems.put("409", "Refused by the domain in its current state (`code` says which rule), or a stale"
                + " version");
        problems.put("412", "If-Match names a version that is no longer current");
        problems.put("413", "The body is larger than this route accepts (`body-too-large`)");
        problems.put("422", "The Idempotency-Key was used before for a different request");
        problems.put("429", "Too many attempts from this address; retry after Retry-After seconds");
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

    /** Lower-cases every enum value in the document's schemas, parameters and bodies, once per schema object. */
    private static final class EnumSpelling {

        private final Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();

        void apply(OpenAPI api) {
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(this::visit);
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> visit(parameter.getSchema()));
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> visit(media.getSchema()));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                            .forEach(response -> response.getContent().values()
                                    .forEach(media -> visit(media.getSchema())));
                }
            }));
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
                ((Map<String, Schema>) schema.getProperties()).values().forEach(this::visit);
            }
            visit(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                visit(additional);
            }
            for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
                if (composed != null) {
                    composed.forEach(this::visit);
                }
            }
        }
    }
}
