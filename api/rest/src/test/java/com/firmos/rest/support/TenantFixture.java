package com.firmos.rest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import com.firmos.rest.support.Api.Response;

import tools.jackson.databind.JsonNode;

/**
 * A rich data set of one client, built through the API by an admin, with every id the answers show collected by
 * kind ({@code clients}, {@code comments}, {@code team-members}, ...): the kind of an {@code id} is the array it
 * sits in, or at the top the kind of entity the answer shows (the parent's, for a sub-entity's post); the kind of
 * a {@code fooId} is {@code foos}.
 */
public final class TenantFixture {

    public static final String ASSIGNED = "user_assigned";
    public static final String UNASSIGNED = "user_unassigned";
    public static final List<String> TOOLS = List.of("value_proposition", "fit_abc_analysis");
    private static final Set<String> NOT_UUID_KINDS = Set.of("users");

    private final Api api;
    private final String admin;
    private final Map<String, Set<String>> ids = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private String portalSession;

    private TenantFixture(Api api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /**
     * Builds the data set as {@code admin}; {@code tokenOf} mints a token of the same tenant for a role and user
     * (the assigned consultant writes a comment, a message and Fast Track documents of their own).
     */
    public static TenantFixture build(Api api, String marker, BiFunction<String, String, String> tokenOf) {
        TenantFixture fixture = new TenantFixture(api, tokenOf.apply("admin", "user_admin"));
        fixture.populate(marker, tokenOf);
        if (!fixture.failures.isEmpty()) {
            throw new IllegalStateException("the fixture could not be built:\n" + String.join("\n", fixture.failures));
        }
        return fixture;
    }

    private void populate(String marker, BiFunction<String, String, String> tokenOf) {
        String client = create("/api/v1/clients", "clients", """
                {"name": "%s client", "status": "active", "budget": 50000}""".formatted(marker));
        String buyer = UUID.randomUUID().toString();
        post("/api/v1/clients/" + client + "/stakeholders", "clients", """
                {"id": "%s", "name": "%s Buyer", "title": "CFO", "roles": ["economic_buyer"], "engagementLevel":
                 "high", "email": "buyer@client.example", "phone": "+1 555 0100", "notes": "prefers mornings"}"""
                .formatted(buyer, marker));
        post("/api/v1/clients/" + client + "/stakeholders", "clients",
                "{\"name\": \"Champ\", \"roles\": [\"champion\"], \"engagementLevel\": \"medium\"}");
        write("PUT", "/api/v1/clients/" + client + "/assignments/" + ASSIGNED, "users", "{\"role\": \"member\"}");
        write("PUT", "/api/v1/clients/" + client + "/meddpicc/metrics", "clients", "{\"value\": \"Cut costs 10%\"}");
        post("/api/v1/clients/" + client + "/interactions", "interactions", """
                {"type": "call", "subject": "Intro", "occurredAt": "%s", "stakeholderIds": ["%s"]}"""
                .formatted(Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), buyer));
        String competitor = UUID.randomUUID().toString();
        post("/api/v1/competitors", "competitors", "{\"id\": \"" + competitor + "\", \"name\": \"Rival of "
                + marker + "\", \"strengths\": \"cheap\"}");
        String deal = create("/api/v1/deals", "deals", """
                {"clientId": "%s", "name": "Platform", "value": 1000, "type": "new", "source": "referral",
                 "expectedCloseDate": "%s"}""".formatted(client, LocalDate.now().plusDays(60)));
        post("/api/v1/deals/" + deal + "/competitors", "deals",
                "{\"competitorId\": \"" + competitor + "\", \"status\": \"active\"}");
        String engagement = create("/api/v1/engagements", "engagements",
                "{\"clientId\": \"" + client + "\", \"name\": \"" + marker + " engagement\"}");
        String activity = create("/api/v1/activities", "activities",
                "{\"engagementId\": \"" + engagement + "\", \"title\": \"Kick-off\"}");
        String second = create("/api/v1/activities", "activities",
                "{\"engagementId\": \"" + engagement + "\", \"title\": \"Discovery\"}");
        add("second-activities", second);
        post("/api/v1/activities/" + activity + "/comments", "activities", "{\"text\": \"Booked the room\"}");
        post("/api/v1/activities/" + second + "/comments", "activities", "{\"text\": \"Agenda sent\"}");
        post("/api/v1/activities/" + activity + "/resources", "activities",
                "{\"type\": \"url\", \"title\": \"Agenda\", \"url\": \"https://x.io/agenda\"}");
        write("PUT", "/api/v1/activities/" + activity + "/team", "activities", "{\"team\": \"Core\"}");
        post("/api/v1/activities/" + activity + "/members", "activities",
                "{\"userId\": \"" + ASSIGNED + "\", \"role\": \"lead\"}");
        post("/api/v1/activities/" + activity + "/members", "activities",
                // Unique per data set: the same email is the same guest, and an erased guest cannot come back.
                "{\"name\": \"Grace\", \"email\": \"grace." + UUID.randomUUID() + "@client.example\","
                        + " \"role\": \"sponsor\"}");
        String move = create("/api/v1/winning-moves", "winning-moves",
                "{\"engagementId\": \"" + engagement + "\", \"title\": \"Land the pilot\"}");
        post("/api/v1/activities/" + activity + "/winning-moves", "activities",
                "{\"winningMoveId\": \"" + move + "\"}");
        post("/api/v1/relations", "relations", """
                {"source": {"type": "activity", "id": "%s"}, "target": {"type": "activity", "id": "%s"},
                 "relationType": "blocks", "label": "first"}""".formatted(activity, second));
        String project = create("/api/v1/engagements/" + engagement + "/projects", "projects",
                "{\"name\": \"Rollout\", \"description\": \"EU first\"}");
        post("/api/v1/engagements/" + engagement + "/milestones", "milestones",
                "{\"title\": \"Legacy milestone\", \"status\": \"pending\"}");
        post("/api/v1/projects/" + project + "/tasks", "tasks", "{\"title\": \"Configure\", \"priority\": \"high\"}");
        String conversation = create("/api/v1/engagements/" + engagement + "/conversations", "conversations",
                "{\"subject\": \"Kick-off\"}");
        post("/api/v1/conversations/" + conversation + "/messages", "messages", "{\"content\": \"Welcome\"}");
        post("/api/v1/proposals", "proposals", """
                {"clientId": "%s", "dealId": "%s", "title": "Transformation", "amount": 48000.00}"""
                .formatted(client, deal));
        String lines = "[{\"description\": \"Consulting\", \"quantity\": 2, \"unitPrice\": 150.00}]";
        String issued = create("/api/v1/invoices", "invoices", """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s", "lines": %s}"""
                .formatted(client, engagement, LocalDate.now().plusDays(30), lines));
        post("/api/v1/invoices/" + issued + "/issue", "invoices", null);
        post("/api/v1/invoices/" + issued + "/payments", "invoices",
                "{\"amount\": 100.00, \"paidOn\": \"" + LocalDate.now() + "\", \"method\": \"wire\"}");
        // A draft as well, for what only drafts take (edits, billed time).
        post("/api/v1/invoices", "invoices", """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s", "lines": %s}"""
                .formatted(client, engagement, LocalDate.now().plusDays(45), lines));
        // Starts in two months, so that the drafter never acts while a test runs.
        post("/api/v1/invoice-schedules", "invoice-schedules", """
                {"clientId": "%s", "engagementId": "%s", "cadence": "monthly", "dayOfMonth": 1, "startOn": "%s",
                 "lines": %s}""".formatted(client, engagement, LocalDate.now().plusDays(60), lines));
        post("/api/v1/engagements/" + engagement + "/time-entries", "time-entries", """
                {"projectId": "%s", "hours": 2, "workedOn": "%s", "billable": true, "note": "workshop"}"""
                .formatted(project, LocalDate.now().minusDays(1)));
        String vendor = create("/api/v1/vendors", "vendors",
                "{\"name\": \"Venue Co\", \"email\": \"ap@venue.example\"}");
        post("/api/v1/bills", "bills", """
                {"vendorId": "%s", "engagementId": "%s", "reference": "V-1", "amount": 250.00, "dueDate": "%s",
                 "description": "Venue"}""".formatted(vendor, engagement, LocalDate.now().plusDays(20)));
        JsonNode link = post("/api/v1/engagements/" + engagement + "/portal-access", "portal-access", """
                {"contactName": "Grace", "sections": ["playbook", "projects", "tasks", "timeline", "status",
                 "conversations", "invoices"]}""");
        String access = link.path("access").path("id").asString();
        add("portal-links", link.path("token").asString());
        for (String tool : TOOLS) {
            for (String user : List.of(ASSIGNED, UNASSIGNED, "portal:" + access)) {
                write("PUT", "/api/v1/fast-track/access/" + user + "/" + tool, "users", "{\"level\": \"edit\"}");
            }
        }
        fastTrack("/api/v1/fast-track", admin, "");
        String assigned = tokenOf.apply("consultant", ASSIGNED);
        String unassigned = tokenOf.apply("consultant", UNASSIGNED);
        fastTrack("/api/v1/fast-track", assigned, "@" + ASSIGNED);
        fastTrack("/api/v1/fast-track", unassigned, "@" + UNASSIGNED);
        // What only its author may change: the assigned consultant's own comment and message.
        collect(send(assigned, "POST", "/api/v1/activities/" + activity + "/comments",
                "{\"text\": \"Mine\"}"), "activities@" + ASSIGNED);
        collect(send(assigned, "POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"content\": \"Mine\"}"), "messages@" + ASSIGNED);
        Response session = api.post("/api/v1/portal/sessions", null,
                "{\"token\": \"" + link.path("token").asString() + "\"}");
        if (session.status() != 201 && session.status() != 200) {
            failures.add("POST /api/v1/portal/sessions -> " + session);
            return;
        }
        portalSession = session.text("sessionToken");
        fastTrack("/api/v1/portal/fast-track", portalSession, "@client");
    }

    private void fastTrack(String base, String token, String suffix) {
        for (String tool : TOOLS) {
            collect(send(token, "POST", base + "/tools/" + tool + "/document", null), "document" + suffix);
        }
        collect(send(token, "POST", base + "/tools/value_proposition/document/hypotheses",
                "{\"text\": \"Buyers hate setup\", \"category\": \"pain\", \"priority\": 1}"), "hypotheses" + suffix);
        collect(send(token, "POST", base + "/tools/fit_abc_analysis/document/team-assessments", """
                {"memberName": "Bo", "role": "Sales", "energy": 8, "skill": 7, "values": 9, "impact": 6,
                 "rating": "a", "actionItems": ["Own Q3 pipeline"]}"""), "team-assessments" + suffix);
    }

    public String admin() {
        return admin;
    }

    /** A portal session of the client's engagement. */
    public String portalSession() {
        return portalSession;
    }

    /** Every id of a kind, in the order the answers showed them. */
    public List<String> all(String kind) {
        return List.copyOf(ids.getOrDefault(kind, Set.of()));
    }

    /** The first id of a kind, or null. */
    public String first(String kind) {
        Set<String> found = ids.get(kind);
        return found == null || found.isEmpty() ? null : found.iterator().next();
    }

    public Map<String, Set<String>> byKind() {
        return ids;
    }

    /** Posts a create with an id of our choosing, so that no answer's shape decides where the id is. */
    private String create(String path, String kind, String body) {
        String id = UUID.randomUUID().toString();
        post(path, kind, "{\"id\": \"" + id + "\", " + body.strip().substring(1));
        add(kind, id);
        return id;
    }

    private JsonNode post(String path, String kind, String body) {
        return collect(send(admin, "POST", path, body), kind);
    }

    private JsonNode write(String method, String path, String kind, String body) {
        return collect(send(admin, method, path, body), kind);
    }

    private Response send(String token, String method, String path, String body) {
        Response answer = api.send(method, path, token, body, Map.of());
        if (answer.status() >= 300) {
            failures.add(method + " " + path + " -> " + answer);
        }
        return answer;
    }

    private JsonNode collect(Response answer, String kind) {
        if (answer.status() >= 300 || answer.body() == null || answer.body().isBlank()) {
            return MISSING;
        }
        JsonNode json = answer.json();
        String[] scoped = kind.split("@", 2);
        Map<String, Set<String>> before = new LinkedHashMap<>();
        ids.forEach((known, values) -> before.put(known, new LinkedHashSet<>(values)));
        collect(json, scoped[0]);
        if (scoped.length > 1) {
            // A scoped kind holds what this answer showed first: the user's own, not the others' it lists too.
            for (Map.Entry<String, Set<String>> found : List.copyOf(ids.entrySet())) {
                for (String id : List.copyOf(found.getValue())) {
                    if (!before.getOrDefault(found.getKey(), Set.of()).contains(id)) {
                        add(found.getKey() + "@" + scoped[1], id);
                    }
                }
            }
        }
        return json;
    }

    /** Records every id of an answer under its kind. */
    public void collect(JsonNode node, String context) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, context));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("type") && node.has("id") && node.size() == 2) {
            return; // an entity reference: the other side of a relation, recorded where it was made
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.equals("id") && value.isString()) {
                add(context, value.asString());
            } else if (name.endsWith("Id") && value.isString() && !name.equals("organizationId")) {
                String kind = OpenApiOperations.kindOfProperty(name);
                if (NOT_UUID_KINDS.contains(kind) || isUuid(value.asString())) {
                    add(kind, value.asString());
                }
            } else if (value.isArray()) {
                collect(value, OpenApiOperations.alias(OpenApiOperations.kindOfProperty(name)));
            } else if (value.isObject()) {
                collect(value, switch (name) {
                    case "proposal" -> "proposals";
                    case "project" -> "projects";
                    default -> context;
                });
            }
        }
    }

    private void add(String kind, String id) {
        ids.computeIfAbsent(kind, ignored -> new LinkedHashSet<>()).add(id);
    }

    private static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F-]{36}");
    }

    private static final JsonNode MISSING = tools.jackson.databind.node.MissingNode.getInstance();
}
