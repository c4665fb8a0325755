package com.firmos.rest.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OpenApiOperations;
import com.firmos.rest.support.OpenApiOperations.Operation;
import com.firmos.rest.support.OpenApiOperations.Position;
import com.firmos.rest.support.TenantFixture;

import tools.jackson.databind.JsonNode;

/**
 * Every write operation of the OpenAPI document, called by every role on the entities of one client (C1): the
 * roles its rule names get anything but 401, 403 or a 5xx, every other role a 403 problem+json. Each operation
 * is declared once with its rule; one in the document without a declaration fails the test.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    enum Role {
        ADMIN, ASSIGNED_CONSULTANT, UNASSIGNED_CONSULTANT, VIEWER, CLIENT, OPERATOR
    }

    enum Rule {
        /** Writes to a client's own data: its admin, or a consultant assigned to that client. */
        CLIENT_WRITER(Role.ADMIN, Role.ASSIGNED_CONSULTANT),
        /** Firm-wide writes of any staff member: new clients, the competitor catalogue, one's own Fast Track. */
        STAFF_WRITER(Role.ADMIN, Role.ASSIGNED_CONSULTANT, Role.UNASSIGNED_CONSULTANT),
        /** The tenant's admin only: assignments, erasures, bill approval and payment, tool grants, admin ops. */
        ADMIN(Role.ADMIN),
        /** The platform operator only: projections, which are shared by every tenant. */
        OPERATOR(Role.OPERATOR),
        /** The client's portal session only. */
        PORTAL(Role.CLIENT),
        /** No token needed. */
        PUBLIC(Role.values());

        private final Set<Role> allowed;

        Rule(Role... allowed) {
            this.allowed = EnumSet.of(allowed[0], allowed);
        }
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // CRM. Creating a client makes it one's own; what hangs under it is the client's.
            entry("POST /api/v1/clients", Rule.STAFF_WRITER),
            entry("PUT /api/v1/clients/{id}", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/clients/{id}/meddpicc/{field}", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/clients/{id}/assignments/{userId}", Rule.ADMIN),
            entry("DELETE /api/v1/clients/{id}/assignments/{userId}", Rule.ADMIN),
            entry("POST /api/v1/clients/{id}/stakeholders", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/clients/{id}/stakeholders/{stakeholderId}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/clients/{id}/stakeholders/{stakeholderId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/clients/{id}/stakeholders/{stakeholderId}/erasure", Rule.ADMIN),
            entry("POST /api/v1/clients/{id}/interactions", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/interactions/{interactionId}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/interactions/{interactionId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/deals", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/deals/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/deals/{id}/stage", Rule.CLIENT_WRITER),
            entry("POST /api/v1/deals/{id}/loss", Rule.CLIENT_WRITER),
            entry("POST /api/v1/deals/{id}/win", Rule.CLIENT_WRITER),
            entry("POST /api/v1/deals/{id}/competitors", Rule.CLIENT_WRITER),
            // The catalogue is the firm's, not a client's: editing it is as open as adding to it (silent product).
            entry("POST /api/v1/competitors", Rule.STAFF_WRITER),
            entry("PUT /api/v1/competitors/{id}", Rule.STAFF_WRITER),
            // Engagements and the planning board of C1.
            entry("POST /api/v1/engagements", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/engagements/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{id}/pause", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{id}/resume", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{id}/phase", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{id}/close", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/activities/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/status", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/move", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/dismissal", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/activities/{id}/team", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/resources", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/activities/{id}/resources/order", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/activities/{id}/resources/{resourceId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/members", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/activities/{id}/members/users/{userId}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/activities/{id}/members/guests/{memberId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/comments", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/activities/{id}/comments/{commentId}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/activities/{id}/comments/{commentId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/winning-moves", Rule.CLIENT_WRITER),
            entry("POST /api/v1/activities/{id}/winning-moves/{winningMoveId}/completion", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/activities/{id}/winning-moves/{winningMoveId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/winning-moves", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/winning-moves/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/winning-moves/{id}/status", Rule.CLIENT_WRITER),
            entry("POST /api/v1/relations", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/relations/{relationId}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/team-members/{nonUserMemberId}/erasure", Rule.ADMIN),
            // The old Workbench's milestones are activities of C1's engagement.
            entry("POST /api/v1/engagements/{engagementId}/milestones", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/milestones/{id}/status", Rule.CLIENT_WRITER),
            // Projects, tasks, conversations.
            entry("POST /api/v1/engagements/{engagementId}/projects", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/projects/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/projects/{id}/phase", Rule.CLIENT_WRITER),
            entry("POST /api/v1/projects/{id}/status", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/projects/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/projects/{projectId}/tasks", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/tasks/{id}", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/tasks/{id}/assignee", Rule.CLIENT_WRITER),
            entry("POST /api/v1/tasks/{id}/status", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{engagementId}/conversations", Rule.CLIENT_WRITER),
            entry("POST /api/v1/conversations/{id}/close", Rule.CLIENT_WRITER),
            entry("POST /api/v1/conversations/{id}/reopen", Rule.CLIENT_WRITER),
            entry("POST /api/v1/conversations/{id}/messages", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/messages/{id}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/messages/{id}", Rule.CLIENT_WRITER),
            // Proposals: recording the client's signed acceptance is staff work on C1's account.
            entry("POST /api/v1/proposals", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/proposals/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/proposals/{id}/status", Rule.CLIENT_WRITER),
            entry("POST /api/v1/proposals/{id}/acceptance", Rule.CLIENT_WRITER),
            // Revenue: invoicing C1 and logging hours on its engagement are the client team's.
            entry("POST /api/v1/invoices", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/invoices/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoices/{id}/issue", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoices/{id}/payments", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoices/{id}/cancellation", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoices/{invoiceId}/time-entries", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoice-schedules", Rule.CLIENT_WRITER),
            entry("POST /api/v1/invoice-schedules/{id}/end", Rule.CLIENT_WRITER),
            entry("POST /api/v1/engagements/{engagementId}/time-entries", Rule.CLIENT_WRITER),
            entry("PUT /api/v1/time-entries/{id}", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/time-entries/{id}", Rule.CLIENT_WRITER),
            // Payables are the firm's (vendors and bills any staff writer records); money out is admins'.
            entry("POST /api/v1/vendors", Rule.STAFF_WRITER),
            entry("POST /api/v1/vendors/{id}/erasure", Rule.ADMIN),
            entry("POST /api/v1/bills", Rule.STAFF_WRITER),
            entry("POST /api/v1/bills/{id}/approval", Rule.ADMIN),
            entry("POST /api/v1/bills/{id}/rejection", Rule.ADMIN),
            entry("POST /api/v1/bills/{id}/payment", Rule.ADMIN),
            entry("POST /api/v1/bills/{id}/cancellation", Rule.STAFF_WRITER),
            // The portal: staff hand out C1's links; erasing the contact is an erasure.
            entry("POST /api/v1/engagements/{engagementId}/portal-access", Rule.CLIENT_WRITER),
            entry("POST /api/v1/portal-access/{id}/rotation", Rule.CLIENT_WRITER),
            entry("DELETE /api/v1/portal-access/{id}", Rule.CLIENT_WRITER),
            entry("POST /api/v1/portal-access/{id}/erasure", Rule.ADMIN),
            entry("POST /api/v1/portal/sessions", Rule.PUBLIC),
            entry("POST /api/v1/portal/activities/{id}/status", Rule.PORTAL),
            entry("POST /api/v1/portal/activities/{id}/comments", Rule.PORTAL),
            entry("POST /api/v1/portal/conversations/{id}/messages", Rule.PORTAL),
            // Fast Track: one's own documents (staff), the contact's own under /portal, grants by admins.
            entry("POST /api/v1/fast-track/tools/{slug}/document", Rule.STAFF_WRITER),
            entry("PUT /api/v1/fast-track/tools/{slug}/document", Rule.STAFF_WRITER),
            entry("PATCH /api/v1/fast-track/tools/{slug}/document", Rule.STAFF_WRITER),
            entry("POST /api/v1/fast-track/tools/{slug}/document/status", Rule.STAFF_WRITER),
            entry("POST /api/v1/fast-track/tools/value_proposition/document/hypotheses", Rule.STAFF_WRITER),
            entry("PUT /api/v1/fast-track/tools/value_proposition/document/hypotheses/{hypothesisId}",
                    Rule.STAFF_WRITER),
            entry("DELETE /api/v1/fast-track/tools/value_proposition/document/hypotheses/{hypothesisId}",
                    Rule.STAFF_WRITER),
            entry("POST /api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments", Rule.STAFF_WRITER),
            entry("PUT /api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments/{assessmentId}",
                    Rule.STAFF_WRITER),
            entry("DELETE /api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments/{assessmentId}",
                    Rule.STAFF_WRITER),
            entry("POST /api/v1/portal/fast-track/tools/{slug}/document", Rule.PORTAL),
            entry("PUT /api/v1/portal/fast-track/tools/{slug}/document", Rule.PORTAL),
            entry("PATCH /api/v1/portal/fast-track/tools/{slug}/document", Rule.PORTAL),
            entry("POST /api/v1/portal/fast-track/tools/{slug}/document/status", Rule.PORTAL),
            entry("POST /api/v1/portal/fast-track/tools/value_proposition/document/hypotheses", Rule.PORTAL),
            entry("PUT /api/v1/portal/fast-track/tools/value_proposition/document/hypotheses/{hypothesisId}",
                    Rule.PORTAL),
            entry("DELETE /api/v1/portal/fast-track/tools/value_proposition/document/hypotheses/{hypothesisId}",
                    Rule.PORTAL),
            entry("POST /api/v1/portal/fast-track/tools/fit_abc_analysis/document/team-assessments", Rule.PORTAL),
            entry("PUT /api/v1/portal/fast-track/tools/fit_abc_analysis/document/team-assessments/{assessmentId}",
                    Rule.PORTAL),
            entry("DELETE /api/v1/portal/fast-track/tools/fit_abc_analysis/document/team-assessments/{assessmentId}",
                    Rule.PORTAL),
            entry("PUT /api/v1/fast-track/access/{userId}/{slug}", Rule.ADMIN),
            entry("DELETE /api/v1/fast-track/access/{userId}/{slug}", Rule.ADMIN),
            // Tenant admin operations: each acts on the admin's own tenant only.
            entry("POST /api/v1/admin/migrations/milestones", Rule.ADMIN),
            entry("POST /api/v1/admin/dead-letters/{processor}/retry", Rule.ADMIN),
            entry("POST /api/v1/admin/dead-letters/{processor}/sequences/{sequence}/retry", Rule.ADMIN),
            entry("DELETE /api/v1/admin/dead-letters/{processor}/letters/{eventId}", Rule.ADMIN),
            // Projections are shared by every tenant: one tenant's admin must not rebuild another's read tables.
            entry("POST /api/v1/admin/projections/rebuild", Rule.OPERATOR),
            entry("POST /api/v1/admin/projections/{name}/rebuild", Rule.OPERATOR),
            entry("POST /api/v1/admin/projections/{name}/shadow", Rule.OPERATOR),
            entry("POST /api/v1/admin/projections/{name}/shadow/switch", Rule.OPERATOR),
            entry("DELETE /api/v1/admin/projections/{name}/shadow", Rule.OPERATOR));

    private static final int FIXTURE_BUILDERS = 4;
    /** Destructive writes that end what others need: a parent, a session, an assignment, a tool grant, a shadow. */
    private static final Set<String> ENDS_OTHERS = Set.of("POST /api/v1/engagements/{id}/close",
            "POST /api/v1/conversations/{id}/close", "DELETE /api/v1/projects/{id}",
            "DELETE /api/v1/portal-access/{id}", "POST /api/v1/portal-access/{id}/erasure",
            "POST /api/v1/portal-access/{id}/rotation", "DELETE /api/v1/clients/{id}/assignments/{userId}",
            "DELETE /api/v1/fast-track/access/{userId}/{slug}",
            "POST /api/v1/clients/{id}/stakeholders/{stakeholderId}/erasure",
            "POST /api/v1/team-members/{nonUserMemberId}/erasure", "POST /api/v1/deals/{id}/win",
            "POST /api/v1/deals/{id}/loss", "POST /api/v1/proposals/{id}/acceptance",
            "POST /api/v1/admin/projections/{name}/shadow/switch", "DELETE /api/v1/admin/projections/{name}/shadow");
    private static final String ENDS_OTHERS_MARK = "(ends others)";

    private final List<String> wrong = new ArrayList<>();
    private int allowedAnd2xx;

    @AfterEach
    void noShadowLeftBehind() {
        for (String token : List.of(operator(), admin())) {
            api.delete("/api/v1/admin/projections/payables/shadow", token);
        }
        awaitProjectionsIdle();
    }

    @Test
    void everyWriteOperationAdmitsExactlyTheRolesOfItsRule() {
        OpenApiOperations document = OpenApiOperations.of(api);
        List<Operation> writes = document.writes();
        Set<String> listed = new TreeSet<>();
        writes.forEach(operation -> listed.add(operation.toString()));
        List<String> undeclared = listed.stream().filter(operation -> !RULES.containsKey(operation)).toList();
        List<String> stale = RULES.keySet().stream().filter(rule -> !listed.contains(rule)).sorted().toList();

        List<Operation> declared = writes.stream().filter(candidate -> RULES.containsKey(candidate.toString()))
                .sorted(Comparator.comparing(Operation::order)).toList();
        TenantFixture shared = fixture();
        Map<Operation, TenantFixture> ending = dataSetsForDestructiveWrites(declared);
        int checked = 0;
        for (Operation operation : declared) {
            Rule rule = RULES.get(operation.toString());
            TenantFixture data = ending.getOrDefault(operation, shared);
            // Refused roles first: an allowed role's write may end what the refused ones are checked against.
            List<Role> roles = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(rule.allowed)));
            roles.addAll(rule.allowed);
            for (Role role : roles) {
                check(operation, role, rule.allowed.contains(role), data);
                checked++;
            }
            if (rule == Rule.PUBLIC) {
                check(operation, null, true, data);
                checked++;
            }
        }

        System.out.printf("AuthorizationMatrixTest: %d operations x %d roles = %d checks (PUBLIC ones also without"
                + " a token), %d allowed calls answered 2xx, %d wrong, %d data sets%n", RULES.size(),
                Role.values().length, checked, allowedAnd2xx, wrong.size(), 1 + new HashSet<>(ending.values()).size());
        assertThat(undeclared).as("write operations of the document without a rule").isEmpty();
        assertThat(stale).as("rules for operations the document no longer has").isEmpty();
        assertThat(RULES.keySet()).as("writes said to end others are declared").containsAll(ENDS_OTHERS);
        assertThat(wrong.stream().sorted().toList()).as("(operation, role) pairs answered against their rule")
                .isEmpty();
    }

    private void check(Operation operation, Role role, boolean allowed, TenantFixture data) {
        OpenApiOperations.Ids ids = (kind, position) -> id(data, role, kind, position);
        String path = operation.path(ids);
        if (path == null) {
            wrong.add(operation + " as " + role + ": the fixture has no id for " + operation.parameters());
            return;
        }
        Response answer = operation.send(api, path, token(role, data), operation.body(ids));
        if (allowed) {
            if (answer.status() < 300) {
                allowedAnd2xx++;
            }
            if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
                wrong.add(operation + " as " + (role == null ? "ANONYMOUS" : role) + ": allowed, got "
                        + brief(answer));
            }
            if (operation.admin() && operation.template().contains("/projections") && answer.status() < 300) {
                awaitProjectionsIdle();
            }
        } else if (answer.status() != 403 || answer.contentType() == null
                || !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(operation + " as " + role + ": refused, got " + brief(answer));
            if (operation.admin() && answer.status() < 300) {
                awaitProjectionsIdle();
            }
        }
    }

    private String id(TenantFixture data, Role role, String kind, Position position) {
        if (position == Position.CREATED) {
            return UUID.randomUUID().toString();
        }
        String scope = role == null ? null : switch (role) {
            case ASSIGNED_CONSULTANT -> TenantFixture.ASSIGNED;
            case UNASSIGNED_CONSULTANT -> TenantFixture.UNASSIGNED;
            case CLIENT -> "client";
            default -> null;
        };
        String own = scope == null ? null : data.first(kind + "@" + scope);
        return own != null ? own : data.first(kind);
    }

    /** The role's token; none for a null role (a caller without one). */
    private String token(Role role, TenantFixture data) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case ADMIN -> admin();
            case ASSIGNED_CONSULTANT -> token(tenant, "consultant", TenantFixture.ASSIGNED);
            case UNASSIGNED_CONSULTANT -> token(tenant, "consultant", TenantFixture.UNASSIGNED);
            case VIEWER -> token(tenant, "viewer");
            case CLIENT -> data.portalSession();
            case OPERATOR -> operator();
        };
    }

    /**
     * The data sets the destructive writes act on. One that ends what other writes need gets its own; the others
     * share one as long as no two of them end the same entity (a bill's rejection and cancellation each need a
     * bill of their own). They are built before any check, a few at once: most of a build is waiting for each
     * write's projections.
     */
    private Map<Operation, TenantFixture> dataSetsForDestructiveWrites(List<Operation> operations) {
        List<Set<String>> groups = new ArrayList<>();
        Map<Operation, Integer> groupOf = new LinkedHashMap<>();
        for (Operation operation : operations.stream().filter(Operation::destructive).toList()) {
            String target = operation.template().substring(0, operation.template().lastIndexOf('}') + 1);
            int group = ENDS_OTHERS.contains(operation.toString()) ? -1
                    : IntStream.range(0, groups.size()).filter(index -> !groups.get(index).contains(target)
                            && !groups.get(index).contains(ENDS_OTHERS_MARK)).findFirst().orElse(-1);
            if (group < 0) {
                groups.add(new HashSet<>());
                group = groups.size() - 1;
            }
            groups.get(group).add(ENDS_OTHERS.contains(operation.toString()) ? ENDS_OTHERS_MARK : target);
            groupOf.put(operation, group);
        }
        try (ExecutorService builders = Executors.newFixedThreadPool(FIXTURE_BUILDERS)) {
            List<Future<TenantFixture>> built = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                built.add(builders.submit(this::fixture));
            }
            Map<Operation, TenantFixture> dataSets = new LinkedHashMap<>();
            for (Map.Entry<Operation, Integer> entry : groupOf.entrySet()) {
                dataSets.put(entry.getKey(), built.get(entry.getValue()).get());
            }
            return dataSets;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a data set could not be built", e);
        }
    }

    private TenantFixture fixture() {
        return TenantFixture.build(api, "C1-" + UUID.randomUUID().toString().substring(0, 8),
                (role, user) -> token(tenant, role, user));
    }

    /** Waits for rebuilds this test started, so that they end before the next check and the next test. */
    private void awaitProjectionsIdle() {
        await("the projections caught up after a rebuild").atMost(Duration.ofSeconds(120)).until(() -> {
            for (String token : List.of(operator(), admin())) {
                Response status = api.get("/api/v1/admin/projections", token);
                if (status.status() == 200) {
                    for (JsonNode projection : status.json()) {
                        if (projection.path("replaying").asBoolean() || projection.path("lag").asLong() > 0) {
                            return false;
                        }
                    }
                    return true;
                }
            }
            return true;
        });
    }

    private static String brief(Response answer) {
        String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        return answer.status() + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
    }
}
