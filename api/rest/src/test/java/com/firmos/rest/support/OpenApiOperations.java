package com.firmos.rest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of the server's OpenAPI document, with what a generic caller needs: the kind of id each path
 * parameter takes (the collection segment before it), and a body built from the operation's schema and
 * property-name heuristics, which also add what a valid body needs beyond its schema's types (an existing id of
 * the right kind); the API ignores properties it does not know.
 */
public final class OpenApiOperations {

    public static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Writes that end what later writes need: run last, or on a fixture of their own. */
    private static final Set<String> DESTRUCTIVE = Set.of("erasure", "close", "cancellation", "loss", "win",
            "rejection", "end", "acceptance", "rotation", "switch");
    /** Kinds whose name is not the plural of the property or segment that names them. */
    private static final Map<String, String> KIND_ALIASES = Map.ofEntries(Map.entry("guests", "team-members"),
            Map.entry("non-user-members", "team-members"), Map.entry("source-activities", "activities"),
            Map.entry("recipient-stakeholders", "stakeholders"), Map.entry("funded-engagements", "engagements"),
            Map.entry("converted-engagements", "engagements"), Map.entry("accesses", "portal-access"),
            Map.entry("open-deals", "deals"), Map.entry("assessments", "team-assessments"),
            Map.entry("hypothesises", "hypotheses"), Map.entry("hypothesiss", "hypotheses"),
            Map.entry("time-entrys", "time-entries"), Map.entry("activitys", "activities"),
            Map.entry("open-conversations", "conversations"), Map.entry("assignments", "users"),
            Map.entry("access", "users"), Map.entry("assignees", "users"), Map.entry("owners", "users"),
            Map.entry("senders", "users"), Map.entry("authors", "users"), Map.entry("hypothesis", "hypotheses"));

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        List<Operation> found = new ArrayList<>();
        JsonNode paths = document.get("paths");
        paths.propertyNames().forEach(path -> paths.get(path).propertyNames().forEach(method -> {
            if (WRITES.contains(method) || method.equals("get")) {
                found.add(new Operation(method, path, paths.get(path).get(method)));
            }
        }));
        found.sort(Comparator.comparing(Operation::toString));
        this.operations = List.copyOf(found);
    }

    public static OpenApiOperations of(Api api) {
        return of(api.get("/v3/api-docs", null).json());
    }

    /** The operations of a document already read. */
    public static OpenApiOperations of(JsonNode document) {
        return new OpenApiOperations(document);
    }

    public List<Operation> all() {
        return operations;
    }

    public List<Operation> writes() {
        return operations.stream().filter(Operation::write).toList();
    }

    public List<Operation> reads() {
        return operations.stream().filter(operation -> !operation.write()).toList();
    }

    /** What fills an id position: an id of the kind {@link Operation#kindOf} names, for that position. */
    @FunctionalInterface
    public interface Ids {
        /** An id of that kind, or null when there is none. */
        String id(String kind, Position position);
    }

    /** Where an id goes: the operation's own entity, a parent it hangs under, or a sub-entity it names. */
    public enum Position {
        /** The first path parameter, or a body property naming a parent (clientId, engagementId...). */
        PARENT,
        /** A later path parameter or body property naming a sub-entity (commentId, resourceId...). */
        SUB_ENTITY,
        /** The {@code id} a create sends for the entity it creates. */
        CREATED
    }

    /** One operation of the document. */
    public final class Operation {

        private final String method;
        private final String template;
        private final JsonNode node;

        Operation(String method, String template, JsonNode node) {
            this.method = method;
            this.template = template;
            this.node = node;
        }

        public String method() {
            return method;
        }

        public String template() {
            return template;
        }

        public boolean write() {
            return WRITES.contains(method);
        }

        /** The operation as the document declares it. */
        public JsonNode definition() {
            return node;
        }

        public boolean portal() {
            return template.startsWith("/api/v1/portal/");
        }

        public boolean admin() {
            return template.startsWith("/api/v1/admin/");
        }

        public List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The kind of id a path parameter takes: the collection segment before it, or its own name. */
        public String kindOf(String parameter) {
            String[] segments = template.split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + parameter + "}")) {
                    String before = segments[i - 1];
                    return before.startsWith("{") ? kindOfProperty(parameter) : alias(before);
                }
            }
            throw new IllegalArgumentException(parameter + " is not a parameter of " + template);
        }

        /** The last literal segment: what a POST there creates, or the action it takes. */
        public String lastSegment() {
            String[] segments = template.split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].startsWith("{")) {
                    return segments[i];
                }
            }
            return "";
        }

        /** A POST whose path ends in a collection: it creates what that collection holds. */
        public boolean create() {
            return method.equals("post") && !template.endsWith("}") && !DESTRUCTIVE.contains(lastSegment())
                    && bodySchema() != null && properties(bodySchema()).has("id");
        }

        public boolean destructive() {
            return method.equals("delete") || DESTRUCTIVE.contains(lastSegment());
        }

        /** Creates first, then edits and actions, then what deletes or ends things. */
        public int phase() {
            return destructive() ? 2 : method.equals("post") ? 0 : 1;
        }

        /**
         * The order to run writes in: by {@link #phase()}, and among the destructive ones the deeper paths first,
         * so that what ends a parent (an engagement, a portal access) comes after what needs it.
         */
        public String order() {
            int depth = template.split("/").length;
            return phase() + (phase() == 2 ? String.format("%02d", 99 - depth) : "") + " " + this;
        }

        /**
         * Sends the operation; a 428 (the write needs {@code If-Match}) is retried once with the ETag a GET of the
         * same path answers, as a client that read before writing would.
         */
        public Api.Response send(Api api, String path, String token, String body) {
            String verb = method.toUpperCase(Locale.ROOT);
            Api.Response answer = api.send(verb, path, token, body, Map.of());
            if (answer.status() == 428) {
                String etag = api.get(path.split("\\?")[0], token).header("ETag");
                if (etag != null) {
                    answer = api.send(verb, path, token, body, Map.of("If-Match", etag));
                }
            }
            return answer;
        }

        public boolean ifMatch() {
            JsonNode parameters = node.get("parameters");
            return parameters != null && parameters.valueStream()
                    .anyMatch(parameter -> parameter.get("name").asString().equals("If-Match"));
        }

        public JsonNode bodySchema() {
            JsonNode body = node.get("requestBody");
            if (body == null) {
                return null;
            }
            JsonNode content = body.get("content");
            JsonNode first = content.get(content.propertyNames().iterator().next());
            return resolve(first.get("schema"));
        }

        /** The path with every parameter filled, or null when an id it needs is missing. */
        public String path(Ids ids) {
            String path = template;
            List<String> parameters = parameters();
            for (int i = 0; i < parameters.size(); i++) {
                String parameter = parameters.get(i);
                String value = pathValue(parameter, SUB_KINDS.contains(kindOf(parameter)) || i > 0 && !PARENT_KINDS
                        .contains(kindOf(parameter)) ? Position.SUB_ENTITY : Position.PARENT, ids);
                if (value == null) {
                    return null;
                }
                path = path.replace("{" + parameter + "}", value);
            }
            return path + query(ids);
        }

        private String pathValue(String parameter, Position position, Ids ids) {
            return switch (parameter) {
                case "slug" -> "value_proposition";
                case "field" -> "metrics";
                // A small projection with tables of its own in the default schema, as shadow rebuilds need.
                case "name", "processor" -> "payables";
                case "version" -> "1";
                case "sequence" -> "no-such-sequence";
                case "token" -> ids.id("portal-links", Position.PARENT);
                case "eventId" -> "00000000-0000-0000-0000-000000000000";
                default -> ids.id(kindOf(parameter), position);
            };
        }

        private String query(Ids ids) {
            JsonNode parameters = node.get("parameters");
            if (parameters == null) {
                return "";
            }
            List<String> pairs = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asString();
                if (!parameter.get("in").asString().equals("query") || !parameter.path("required").asBoolean()) {
                    continue;
                }
                switch (name) {
                    case "entityType" -> pairs.add("entityType=activity");
                    case "entityId" -> pairs.add("entityId=" + ids.id("activities", Position.PARENT));
                    case "from" -> pairs.add("from=1");
                    case "to" -> pairs.add("to=2");
                    case "sourceOrganization" -> pairs.add("sourceOrganization=legacy_org");
                    default -> {
                        // Every other query parameter is optional.
                    }
                }
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        /** A body for this operation, or null when it takes none. */
        public String body(Ids ids) {
            JsonNode schema = bodySchema();
            if (schema == null) {
                return method.equals("delete") ? null : "{}";
            }
            Map<String, Object> body = new LinkedHashMap<>();
            JsonNode properties = properties(schema);
            for (String property : properties.propertyNames()) {
                Object value = value(property, properties.get(property), ids);
                if (value != null) {
                    body.put(property, value);
                }
            }
            extras(body, ids);
            return JSON.writeValueAsString(body);
        }

        /** What the mixed-up schemas leave out: harmless elsewhere, as unknown properties are ignored. */
        private void extras(Map<String, Object> body, Ids ids) {
            String last = lastSegment();
            switch (last) {
                case "payments" -> body.putIfAbsent("amount", 10.00);
                case "portal-access" -> {
                    body.putIfAbsent("contactName", "Replay Contact");
                    body.put("sections", List.of("playbook", "projects", "tasks", "timeline", "status",
                            "conversations", "invoices"));
                }
                case "proposals" -> {
                    body.putIfAbsent("title", "Replay proposal");
                    body.putIfAbsent("amount", 1200.00);
                    putId(body, "dealId", "deals", ids);
                    body.remove("engagementId");
                    body.remove("lines");
                }
                case "messages" -> body.putIfAbsent("content", "Replay message");
                case "sessions" -> body.put("token", ids.id("portal-links", Position.PARENT));
                case "comments" -> body.putIfAbsent("text", "Replay comment");
                default -> {
                }
            }
            if (template.matches(".*/proposals/\\{id}") && method.equals("put")) {
                body.putIfAbsent("title", "Replay proposal");
                body.putIfAbsent("amount", 1300.00);
            }
            if (template.matches(".*/messages/\\{id}") && method.equals("put")) {
                body.putIfAbsent("content", "Replay edit");
            }
            if (template.startsWith("/api/v1/fast-track/access/")) {
                body.putIfAbsent("level", "edit");
                body.remove("sections");
            }
            if (template.endsWith("/document") && !method.equals("post")) {
                // A tool's data is checked against its own JSON Schema; an empty save is valid for every tool.
                body.clear();
            }
            if (template.endsWith("/document/status")) {
                body.put("status", "in_progress");
            }
        }

        private void putId(Map<String, Object> body, String property, String kind, Ids ids) {
            String id = ids.id(kind, Position.PARENT);
            if (id != null) {
                body.putIfAbsent(property, id);
            }
        }

        private Object value(String property, JsonNode schema, Ids ids) {
            schema = resolve(schema);
            if (property.equals("id")) {
                return ids.id(alias(lastSegment()), create() ? Position.CREATED : Position.PARENT);
            }
            if (property.endsWith("Ids") && schema.path("type").asString().equals("array")) {
                String id = ids.id(kindOfProperty(property.substring(0, property.length() - 1)), Position.PARENT);
                return id == null ? null : List.of(id);
            }
            if (property.endsWith("Id") && isUuid(schema)) {
                String kind = kindOfProperty(property);
                if (kind.equals("users")) {
                    return null; // the caller acts as themself: only admins may name someone else
                }
                return ids.id(kind, SUB_KINDS.contains(kind) ? Position.SUB_ENTITY : Position.PARENT);
            }
            if (schema.has("enum")) {
                return enumValue(property, schema);
            }
            String type = schema.path("type").asString();
            String format = schema.path("format").asString();
            if (format.equals("date")) {
                return date(property).toString();
            }
            if (format.equals("date-time")) {
                return property.equals("expiresAt") ? Instant.now().plus(30, ChronoUnit.DAYS).toString()
                        : Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            return switch (type) {
                case "string" -> text(property);
                case "number" -> number(property);
                case "integer" -> integer(property);
                case "boolean" -> property.equals("billable");
                case "array" -> array(property, schema);
                case "object" -> object(property, ids);
                default -> null;
            };
        }

        private Object enumValue(String property, JsonNode schema) {
            List<String> values = schema.get("enum").valueStream().map(JsonNode::asString).toList();
            if (create() && property.equals("status") && entity().equals("activities")) {
                return "planned"; // a new card is planned or a suggestion
            }
            String wanted = switch (property + ":" + alias(entity())) {
                case "status:activities", "status:tasks", "status:milestones", "status:fast-track" -> "in_progress";
                case "status:projects" -> "paused";
                case "status:winning-moves" -> "achieved";
                case "status:proposals" -> "sent";
                case "status:clients" -> "active";
                case "status:deals" -> "active";
                case "phase:engagements" -> "activate";
                case "phase:projects" -> "setup";
                case "type:activities" -> "url";
                case "stage:deals" -> "qualified";
                case "relationType:relations" -> "relates_to";
                default -> values.get(0);
            };
            return wanted.toLowerCase(Locale.ROOT);
        }

        /** The entity an operation acts on: the first collection after /api/v1 (and after portal/). */
        private String entity() {
            String[] segments = template.replace("/api/v1/portal/", "/api/v1/").split("/");
            return segments.length > 3 ? segments[3] : "";
        }

        private String text(String property) {
            return switch (property) {
                case "email" -> "replay@client.example";
                case "phone" -> "+1 555 0100";
                case "url" -> "https://example.com/replay";
                case "iconColor" -> "#336699";
                case "userId", "assigneeId", "ownerId", "notionPageId" -> null;
                case "token" -> null;
                case "password" -> null;
                case "value" -> "Replay metric";
                default -> "Replay " + property;
            };
        }

        private Object number(String property) {
            return switch (property) {
                case "hours" -> 1.5;
                case "quantity" -> 1;
                case "unitPrice", "amount", "hourlyRate" -> 100.00;
                default -> 1000.00;
            };
        }

        private Object integer(String property) {
            return switch (property) {
                case "energy", "skill", "values", "impact" -> 7;
                case "durationMinutes", "dueInDays" -> 30;
                case "dayOfMonth", "priority" -> 1;
                case "orderIndex", "position" -> 0;
                default -> 1;
            };
        }

        private Object array(String property, JsonNode schema) {
            JsonNode items = resolve(schema.get("items"));
            if (items.has("enum")) {
                return List.of(items.get("enum").get(0).asString().toLowerCase(Locale.ROOT));
            }
            return switch (property) {
                case "lines" -> List.of(Map.of("description", "Consulting", "quantity", 1, "unitPrice", 100.00));
                case "actionItems" -> List.of("Follow up");
                default -> null;
            };
        }

        private Object object(String property, Ids ids) {
            if (property.equals("source") || property.equals("target")) {
                // From the second activity to the first: the fixture's own relation runs the other way.
                String id = ids.id(property.equals("source") ? "second-activities" : "activities",
                        Position.PARENT);
                return id == null ? null : Map.of("type", "activity", "id", id);
            }
            return null;
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    /** Kinds that live inside another entity: the ids a caller chooses within a parent it owns. */
    public static final Set<String> SUB_KINDS = Set.of("comments", "resources", "relations", "stakeholders",
            "team-members", "payments", "hypotheses", "team-assessments");

    /** Kinds that are aggregates of their own, which a tenant owns as parents of what it writes. */
    public static final Set<String> PARENT_KINDS = Set.of("clients", "engagements", "activities", "projects",
            "tasks", "conversations", "messages", "proposals", "invoices", "invoice-schedules", "time-entries",
            "vendors", "bills", "deals", "competitors", "winning-moves", "interactions", "portal-access",
            "milestones");

    private static LocalDate date(String property) {
        LocalDate today = LocalDate.now();
        return switch (property) {
            case "workedOn" -> today.minusDays(1);
            case "paidOn" -> today;
            case "startOn" -> today.plusDays(60);
            case "endOn" -> today.plusDays(400);
            case "expectedCloseDate" -> today.plusDays(60);
            default -> today.plusDays(30);
        };
    }

    private static boolean isUuid(JsonNode schema) {
        return schema.path("format").asString().equals("uuid") || schema.path("type").asString().equals("string");
    }

    private JsonNode properties(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        return properties == null ? JSON.createObjectNode() : properties;
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    public JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("anyOf")) {
            // A nullable reference: the reference, or the schema only null meets (ApiContract).
            return resolve(schema.get("anyOf").get(0));
        }
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    /** The kind a property such as {@code nonUserMemberId} names: its stem, kebab-cased and plural. */
    public static String kindOfProperty(String property) {
        String stem = property.endsWith("Id") ? property.substring(0, property.length() - 2) : property;
        String kebab = stem.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String plural = kebab.endsWith("y") ? kebab.substring(0, kebab.length() - 1) + "ies"
                : kebab.endsWith("s") ? kebab : kebab + "s";
        return alias(plural);
    }

    /** The kind an array or path segment names. */
    public static String alias(String kind) {
        return KIND_ALIASES.getOrDefault(kind, kind);
    }
}
