package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/**
 * Consultants write only on clients assigned to them, on everything that belongs to the client: its engagement's
 * activities, projects, tasks, messages, proposals, invoices, time, portal access and relations. Ada is assigned
 * to the client, Bob is not; both are consultants of the tenant.
 */
class ClientWriteAccessApiTest extends IntegrationTest {

    private String ada;
    private String bob;
    private String client;
    private UUID engagement;

    @BeforeEach
    void clientAssignedToAdaOnly() {
        ada = token(tenant, "consultant", "user_ada");
        bob = token(tenant, "consultant", "user_bob");
        client = clientAssignedTo("user_ada");
        engagement = UUID.fromString(api.post("/api/v1/engagements", admin(), """
                {"clientId": "%s", "name": "Rollout"}""".formatted(client)).text("id"));
    }

    @Test
    void onlyAnAssignedConsultantChangesAnActivitysStatus() {
        String activity = created(api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Workshop"}""".formatted(engagement)));
        String path = "/api/v1/activities/" + activity + "/status";

        assertRefusedAndNothingStored(activity, () -> api.post(path, bob, "{\"status\": \"in_progress\"}"));
        assertThat(api.post(path, ada, "{\"status\": \"in_progress\"}").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAssignedConsultantCreatesAProject() {
        assertCreatesOnlyForAda(id -> "/api/v1/engagements/" + engagement + "/projects",
                id -> "{\"id\": \"" + id + "\", \"name\": \"Rollout\"}");
    }

    @Test
    void anUnassignedConsultantWithAnIncompleteBodyIsRefusedBeforeItIsChecked() {
        Response refused = api.post("/api/v1/engagements/" + engagement + "/projects", bob, "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAnAssignedConsultantCreatesATask() {
        String project = created(api.post("/api/v1/engagements/" + engagement + "/projects", admin(),
                "{\"name\": \"Rollout\"}"));

        assertCreatesOnlyForAda(id -> "/api/v1/projects/" + project + "/tasks",
                id -> "{\"id\": \"" + id + "\", \"title\": \"Configure SSO\"}");
    }

    @Test
    void onlyAnAssignedConsultantPostsAMessage() {
        Response started = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"Kick-off\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String conversation = started.header("Location").replace("/api/v1/conversations/", "");

        assertCreatesOnlyForAda(id -> "/api/v1/conversations/" + conversation + "/messages",
                id -> "{\"id\": \"" + id + "\", \"content\": \"Agenda attached\"}");
    }

    @Test
    void onlyAnAssignedConsultantDraftsAProposal() {
        assertCreatesOnlyForAda(id -> "/api/v1/proposals", id -> """
                {"id": "%s", "clientId": "%s", "title": "Transformation", "amount": 48000.00}"""
                .formatted(id, client));
    }

    @Test
    void onlyAnAssignedConsultantDraftsAnInvoice() {
        assertCreatesOnlyForAda(id -> "/api/v1/invoices", id -> """
                {"id": "%s", "clientId": "%s", "engagementId": "%s", "dueDate": "2099-01-31",
                 "lines": [{"description": "Consulting", "quantity": 1, "unitPrice": 100}]}"""
                .formatted(id, client, engagement));
    }

    @Test
    void onlyAnAssignedConsultantLogsTime() {
        String project = created(api.post("/api/v1/engagements/" + engagement + "/projects", admin(),
                "{\"name\": \"Rollout\"}"));

        assertCreatesOnlyForAda(id -> "/api/v1/engagements/" + engagement + "/time-entries", id -> """
                {"id": "%s", "projectId": "%s", "hours": 2, "workedOn": "2026-11-02"}""".formatted(id, project));
    }

    @Test
    void onlyAnAssignedConsultantGrantsPortalAccess() {
        String path = "/api/v1/engagements/" + engagement + "/portal-access";
        String body = "{\"contactName\": \"Grace\", \"sections\": [\"playbook\"]}";

        long grantsBefore = portalGrants();
        Response refused = api.post(path, bob, body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("token");
        assertThat(portalGrants()).isEqualTo(grantsBefore);
        assertThat(api.post(path, ada, body).status()).isEqualTo(201);
        assertThat(portalGrants()).isEqualTo(grantsBefore + 1);
    }

    @Test
    void onlyAnAssignedConsultantRotatesAPortalLink() {
        Response granted = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"Grace\", \"sections\": [\"playbook\"]}");
        String access = granted.text("access/id");
        String path = "/api/v1/portal-access/" + access + "/rotation";

        assertRefusedAndNothingStored(access, () -> api.post(path, bob, null));
        assertThat(api.post(path, ada, null).status()).isBetween(200, 299);
    }

    @Test
    void onlyAnAssignedConsultantRelatesActivities() {
        String first = created(api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Workshop"}""".formatted(engagement)));
        String second = created(api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Report"}""".formatted(engagement)));
        String body = """
                {"source": {"type": "activity", "id": "%s"}, "target": {"type": "activity", "id": "%s"},
                 "relationType": "blocks"}""".formatted(first, second);
        String graph = "relations:" + tenant;

        assertRefusedAndNothingStored(graph, () -> api.post("/api/v1/relations", bob, body));
        assertThat(api.post("/api/v1/relations", ada, body).status()).isBetween(200, 299);
    }

    /** Bob's create is refused and stores nothing under its id; Ada's create under another id is made. */
    private void assertCreatesOnlyForAda(Function<UUID, String> path, Function<UUID, String> body) {
        UUID bobs = UUID.randomUUID();
        assertRefusedAndNothingStored(bobs.toString(), () -> api.post(path.apply(bobs), bob, body.apply(bobs)));
        UUID adas = UUID.randomUUID();
        Response made = api.post(path.apply(adas), ada, body.apply(adas));
        assertThat(made.status()).as(made.body()).isBetween(200, 299);
    }

    private void assertRefusedAndNothingStored(String aggregateId, Supplier<Response> request) {
        long before = eventCount(aggregateId);
        Response refused = request.get();
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("consultants change only clients assigned to them");
        assertThat(eventCount(aggregateId)).isEqualTo(before);
    }

    private long portalGrants() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%PortalAccessGranted%'")
                .query(Long.class).single();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }
}
