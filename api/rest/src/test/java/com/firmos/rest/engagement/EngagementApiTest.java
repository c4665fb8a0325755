package com.firmos.rest.engagement;

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
        id = opened.json().get("id").asString();
    }

    @Test
    void openedEngagementIsActiveInTheAlignPhase() {
        JsonNode engagement = api.get("/api/v1/engagements/" + id, admin()).json();

        assertThat(engagement.get("status").asString()).isEqualTo("active");
        assertThat(engagement.get("phase").asString()).isEqualTo("align");
        assertThat(engagement.get("clientId").asString()).isEqualTo(client.toString());
        assertThat(engagement.get("name").asString()).isEqualTo("Northwind");
    }

    @Test
    void canPauseResumeAndCloseRecordingWhen() {
        assertThat(post("/pause", null).json().get("status").asString()).isEqualTo("paused");
        assertThat(post("/resume", null).json().get("status").asString()).isEqualTo("active");
        JsonNode closed = post("/close", "{\"outcome\": \"completed\"}").json();

        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("closeOutcome").asString()).isEqualTo("completed");
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
        assertThat(activity.json().get("field").asString()).isEqualTo("engagementId");
        assertThat(api.post("/api/v1/engagements/" + id + "/projects", admin(), "{\"name\": \"P\"}").status())
                .isEqualTo(409);
    }

    @Test
    void phaseAdvancesOneStepAndGoesBackOnlyWithAReason() {
        assertThat(post("/phase", "{\"phase\": \"adopt\"}").status()).isEqualTo(409);
        assertThat(post("/phase", "{\"phase\": \"activate\"}").json().get("phase").asString()).isEqualTo("activate");
        Response noReason = post("/phase", "{\"phase\": \"align\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        assertThat(post("/phase", "{\"phase\": \"align\", \"reason\": \"new sponsor\"}").json().get("phase")
                .asString()).isEqualTo("align");
    }

    @Test
    void newActivitiesTakeTheEngagementsPhase() {
        post("/phase", "{\"phase\": \"activate\"}");

        Response activity = api.post("/api/v1/activities", admin(),
                "{\"engagementId\": \"" + id + "\", \"title\": \"Pilot\"}");

        assertThat(activity.json().get("phase").asString()).isEqualTo("activate");
    }

    @Test
    void activityInAnUnknownEngagementIsRefused() {
        Response refused = api.post("/api/v1/activities", admin(),
                "{\"engagementId\": \"" + UUID.randomUUID() + "\", \"title\": \"Orphan\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("engagementId");
    }

    @Test
    void listFiltersByStatusPhaseAndClient() {
        String other = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + UUID.randomUUID() + "\"}")
                .json().get("id").asString();
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

        assertThat(engagement.get("projects").get(0).get("name").asString()).isEqualTo("CRM rollout");
        assertThat(engagement.get("projects").get(0).get("phase").asString()).isEqualTo("kickoff");
        assertThat(engagement.get("openConversations").get(0).get("subject").asString()).isEqualTo("Kick-off");
        JsonNode summary = api.get("/api/v1/engagements", admin()).json().get("engagements").get(0);
        assertThat(summary.get("projectCount").asInt()).isEqualTo(1);
        assertThat(summary.get("openConversationCount").asInt()).isEqualTo(1);
    }

    @Test
    void engagementTimelineShowsItsProjectsTasksConversationsAndActivities() {
        String project = api.post("/api/v1/engagements/" + id + "/projects", admin(), "{\"name\": \"P\"}").json()
                .get("id").asString();
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
        assertThat(api.get("/api/v1/engagements/" + id, admin()).json().get("status").asString())
                .isEqualTo("active");
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
        assertThat(stale.json().get("code").asString()).isEqualTo("stale-version");
    }

    private Response post(String path, String body) {
        return api.post("/api/v1/engagements/" + id + path, admin(), body);
    }

    private java.util.List<String> ids(String query) {
        return api.get("/api/v1/engagements" + query, admin()).json().get("engagements").valueStream()
                .map(engagement -> engagement.get("id").asString()).toList();
    }
}
