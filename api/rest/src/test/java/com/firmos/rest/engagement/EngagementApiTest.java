package com.firmos.rest.engagement;

import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class EngagementApiTest extends IntegrationTest {

    private final UUID client = UUID.randomUUID();
    private String id;

    @BeforeEach
    void open() {
        Response opened = api.post("/api/v1/engagements", admin(),
                "{\"clientId\": \"" + client + "\", \"name\": \"Northwind\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        id = opened.text("id");
    }

    @Test
    void openedEngagementIsActiveInTheAlignPhase() {
        JsonNode engagement = api.get("/api/v1/engagements/" + id, admin()).json();

        assertThat(text(engagement, "status")).isEqualTo("active");
        assertThat(text(engagement, "phase")).isEqualTo("align");
        assertThat(text(engagement, "clientId")).isEqualTo(client.toString());
        assertThat(text(engagement, "name")).isEqualTo("Northwind");
    }

    @Test
    void canPauseResumeAndCloseRecordingWhen() {
        assertThat(post("/pause", null).text("status")).isEqualTo("paused");
        assertThat(post("/resume", null).text("status")).isEqualTo("active");
        JsonNode closed = post("/close", "{\"outcome\": \"completed\"}").json();

        assertThat(text(closed, "status")).isEqualTo("closed");
        assertThat(text(closed, "closeOutcome")).isEqualTo("completed");
        assertThat(closed.get("closedAt").isNull()).isFalse();
    }

    @Test
    void closedEngagementRefusesChangesAndNewWork() {
        post("/close", "{\"outcome\": \"cancelled\"}");

        assertThat(post("/pause", null).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/engagements/" + id, admin(), "{\"name\": \"x\"}", Map.of()).status())
                .isEqualTo(409);
        Response activity = api.post("/api/v1/activities", admin(),
                "{\"engagementId\": \"" + id + "\", \"title\": \"Too late\"}");
        assertThat(activity.status()).isEqualTo(409);
        assertThat(activity.text("field")).isEqualTo("engagementId");
        assertThat(api.post("/api/v1/engagements/" + id + "/projects", admin(), "{\"name\": \"P\"}").status())
                .isEqualTo(409);
    }

    @Test
    void phaseAdvancesOneStepAndGoesBackOnlyWithAReason() {
        assertThat(post("/phase", "{\"phase\": \"adopt\"}").status()).isEqualTo(409);
        assertThat(post("/phase", "{\"phase\": \"activate\"}").text("phase")).isEqualTo("activate");
        Response noReason = post("/phase", "{\"phase\": \"align\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(post("/phase", "{\"phase\": \"align\", \"reason\": \"new sponsor\"}").text("phase"))
                .isEqualTo("align");
    }

    @Test
    void newActivitiesTakeTheEngagementsPhase() {
        post("/phase", "{\"phase\": \"activate\"}");

        Response activity = api.post("/api/v1/activities", admin(),
                "{\"engagementId\": \"" + id + "\", \"title\": \"Pilot\"}");

        assertThat(activity.text("phase")).isEqualTo("activate");
    }

    @Test
    void activityInAnUnknownEngagementIsRefused() {
        Response refused = api.post("/api/v1/activities", admin(),
                "{\"engagementId\": \"" + UUID.randomUUID() + "\", \"title\": \"Orphan\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("engagementId");
    }

    @Test
    void listFiltersByStatusPhaseAndClient() {
        String other = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + UUID.randomUUID() + "\"}")
                .text("id");
        api.post("/api/v1/engagements/" + other + "/pause", admin(), null);

        assertThat(ids("")).containsExactlyInAnyOrder(id, other);
        assertThat(ids("?status=paused")).containsExactly(other);
        assertThat(ids("?clientId=" + client)).containsExactly(id);
        assertThat(ids("?phase=align&status=active")).containsExactly(id);
    }

    @Test
    void detailListsProjectsAndOpenConversations() {
        api.post("/api/v1/engagements/" + id + "/projects", admin(), "{\"name\": \"CRM rollout\"}");
        api.post("/api/v1/engagements/" + id + "/conversations", admin(), "{\"subject\": \"Kick-off\"}");

        JsonNode engagement = api.get("/api/v1/engagements/" + id, admin()).json();

        assertThat(text(engagement, "projects/0/name")).isEqualTo("CRM rollout");
        assertThat(text(engagement, "projects/0/phase")).isEqualTo("kickoff");
        assertThat(text(engagement, "openConversations/0/subject")).isEqualTo("Kick-off");
        JsonNode summary = api.get("/api/v1/engagements", admin()).at("engagements/0");
        assertThat(number(summary, "projectCount")).isEqualTo(1);
        assertThat(number(summary, "openConversationCount")).isEqualTo(1);
    }

    @Test
    void engagementTimelineShowsItsProjectsTasksConversationsAndActivities() {
        String project = api.post("/api/v1/engagements/" + id + "/projects", admin(), "{\"name\": \"P\"}").text("id");
        api.post("/api/v1/projects/" + project + "/tasks", admin(), "{\"title\": \"T\"}");
        api.post("/api/v1/engagements/" + id + "/conversations", admin(), "{\"subject\": \"S\"}");
        api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + id + "\", \"title\": \"A\"}");

        JsonNode entries = api.get("/api/v1/engagements/" + id + "/stream", admin()).json().get("entries");

        assertThat(entries.findValues("entityType").stream().map(JsonNode::asString).distinct())
                .contains("engagement", "project", "task", "conversation", "activity");
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheEngagement() {
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/engagements/" + id, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements", intruder).json().get("engagements").size()).isZero();
        assertThat(api.post("/api/v1/engagements/" + id + "/pause", intruder, null).status()).isEqualTo(404);
        Response activity = api.post("/api/v1/activities", intruder,
                "{\"engagementId\": \"" + id + "\", \"title\": \"Smuggled\"}");
        assertThat(activity.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/engagements/" + id, admin()).text("status")).isEqualTo("active");
    }

    @Test
    void viewerCannotChangeAnEngagement() {
        assertThat(api.post("/api/v1/engagements/" + id + "/pause", token(tenant, "viewer"), null).status())
                .isEqualTo(403);
    }

    @Test
    void staleVersionIsConflict() {
        post("/pause", null);

        Response stale = api.send("POST", "/api/v1/engagements/" + id + "/resume", admin(), null,
                Map.of("If-Match", "\"0\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("stale-version");
    }

    private Response post(String path, String body) {
        return api.post("/api/v1/engagements/" + id + path, admin(), body);
    }

    private java.util.List<String> ids(String query) {
        return api.get("/api/v1/engagements" + query, admin()).texts("engagements", "id");
    }
}
