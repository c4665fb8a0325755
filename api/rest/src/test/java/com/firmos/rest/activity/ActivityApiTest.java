package com.firmos.rest.activity;

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

class ActivityApiTest extends IntegrationTest {

    private UUID engagement;

    @BeforeEach
    void openEngagement() {
        engagement = engagement();
    }

    @Test
    void canCreateActivityAndReadItBack() {
        Response created = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Stakeholder interviews", "description": "Ten interviews",
                 "icon": "pentagon", "iconColor": "yellow", "phase": "align", "timeBucket": "next_quarter",
                 "scheduledDate": "2026-12-01", "dueDate": "2026-12-15", "orderIndex": 2}""".formatted(engagement));

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/activities/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        Response read = api.get("/api/v1/activities/" + id, admin());
        assertThat(read.status()).isEqualTo(200);
        JsonNode activity = read.json();
        assertThat(text(activity, "title")).isEqualTo("Stakeholder interviews");
        assertThat(text(activity, "status")).isEqualTo("planned");
        assertThat(text(activity, "phase")).isEqualTo("align");
        assertThat(text(activity, "timeBucket")).isEqualTo("next_quarter");
        assertThat(text(activity, "dueDate")).isEqualTo("2026-12-15");
        assertThat(number(activity, "orderIndex")).as("positions are dense: 2 in an empty bucket is 0").isZero();
        assertThat(text(activity, "organizationId")).isEqualTo(tenant);
    }

    @Test
    void newActivityDefaultsToPlannedInThisQuarter() {
        JsonNode activity = create("Kick-off").json();

        assertThat(text(activity, "status")).isEqualTo("planned");
        assertThat(text(activity, "timeBucket")).isEqualTo("this_quarter");
    }

    @Test
    void retriedCreateWithTheSameIdMakesOneActivity() {
        UUID id = UUID.randomUUID();
        String body = """
                {"id": "%s", "engagementId": "%s", "title": "Retry me"}""".formatted(id, engagement);

        Response first = api.post("/api/v1/activities", admin(), body);
        Response retry = api.post("/api/v1/activities", admin(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(eventCount(id.toString())).isEqualTo(1);
        assertThat(timelineTypes(admin(), id.toString())).containsExactly("created");
    }

    @Test
    void createUnderTakenIdWithOtherContentIsConflict() {
        UUID id = UUID.randomUUID();
        api.post("/api/v1/activities", admin(), """
                {"id": "%s", "engagementId": "%s", "title": "Original"}""".formatted(id, engagement));

        Response clash = api.post("/api/v1/activities", admin(), """
                {"id": "%s", "engagementId": "%s", "title": "Impostor"}""".formatted(id, engagement));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("code")).isEqualTo("already-exists");
        assertThat(api.get("/api/v1/activities/" + id, admin()).text("title")).isEqualTo("Original");
    }

    @Test
    void canMoveActivityThroughItsStatusesAndEveryReadShowsTheWrite() {
        String id = create("Workshop").text("id");

        assertThat(move(id, "in_progress").text("status")).isEqualTo("in_progress");
        assertThat(boardStatus(id)).isEqualTo("in_progress");
        JsonNode done = move(id, "done").json();
        assertThat(text(done, "status")).isEqualTo("done");
        assertThat(text(done, "completedBy")).isEqualTo("user_admin");
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(boardStatus(id)).isEqualTo("done");
        JsonNode reopened = move(id, "planned").json();
        assertThat(reopened.get("completedBy").isNull()).isTrue();
        assertThat(reopened.get("completedAt").isNull()).isTrue();
        assertThat(move(id, "skipped").text("status")).isEqualTo("skipped");
        assertThat(timelineTypes(admin(), id))
                .containsExactly("status_change", "status_change", "status_change", "status_change", "created");
    }

    @Test
    void refusedMoveIsConflictNamingTheAllowedMoves() {
        String id = create("Workshop").text("id");

        Response refused = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"suggestion\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("invalid-transition");
        assertThat(refused.text("field")).isEqualTo("status");
        assertThat(refused.text("detail")).contains("planned", "suggestion", "in_progress");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void canAcceptSuggestion() {
        String id = create("Offsite", "suggestion").text("id");

        assertThat(move(id, "planned").text("status")).isEqualTo("planned");
    }

    @Test
    void dismissedSuggestionLeavesTheBoardButStaysInTheTimeline() {
        String id = create("Offsite", "suggestion").text("id");

        Response dismissed = api.post("/api/v1/activities/" + id + "/dismissal", admin(),
                "{\"comment\": \"not now\"}");

        assertThat(dismissed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/activities/" + id, admin()).status()).isEqualTo(404);
        assertThat(boardTitles()).doesNotContain("Offsite");
        assertThat(timelineTypes(admin(), id)).containsExactly("dismissed", "created");
    }

    @Test
    void canEditDetailsAndTheTimelineShowsOldAndNewValues() {
        String id = create("Draft title").text("id");

        Response edited = api.put("/api/v1/activities/" + id, admin(), """
                {"title": "Final title", "timeBucket": "later", "phase": "adopt"}""", Map.of("If-Match", "\"0\""));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
        assertThat(edited.text("title")).isEqualTo("Final title");
        JsonNode entry = api.get("/api/v1/timeline?entityId=" + id + "&eventType=details_edited", admin())
                .at("entries/0");
        assertThat(text(entry, "oldValue/title")).isEqualTo("Draft title");
        assertThat(text(entry, "newValue/title")).isEqualTo("Final title");
        assertThat(text(entry, "newValue/timeBucket")).isEqualTo("later");
        assertThat(entry.get("oldValue").has("icon")).isFalse();
    }

    @Test
    void activityTakesSnapshotsAndStillLoadsFromThem() {
        String id = create("Long-lived").text("id");
        for (String status : new String[] {"in_progress", "planned", "in_progress", "done", "planned"}) {
            assertThat(move(id, status).status()).isEqualTo(200);
        }

        long snapshots = jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", id).query(Long.class).single();
        assertThat(snapshots).isPositive();
        assertThat(move(id, "skipped").number("version")).isEqualTo(6);
    }

    @Test
    void unknownActivityIsNotFound() {
        UUID unknown = UUID.randomUUID();

        assertThat(api.get("/api/v1/activities/" + unknown, admin()).status()).isEqualTo(404);
        Response move = api.post("/api/v1/activities/" + unknown + "/status", admin(), "{\"status\": \"done\"}");
        assertThat(move.status()).isEqualTo(404);
        assertThat(move.text("code")).isEqualTo("not-found");
    }

    @Test
    void correlationIdAndClientOfTheRequestReachTheTimeline() {
        Response created = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Traced"}""".formatted(engagement),
                Map.of("X-Correlation-Id", "trace-42", "User-Agent", "workbench/1.0"));
        String id = created.text("id");

        JsonNode entry = api.get("/api/v1/timeline?entityId=" + id, admin()).at("entries/0");
        assertThat(text(entry, "requestContext/correlationId")).isEqualTo("trace-42");
        assertThat(text(entry, "requestContext/userAgent")).isEqualTo("workbench/1.0");
        assertThat(text(entry, "requestContext/clientIp")).isNotBlank();
        assertThat(text(entry, "actorId")).isEqualTo("user_admin");
        assertThat(text(entry, "actorName")).isEqualTo("Test admin");
        assertThat(text(entry, "engagementId")).isEqualTo(engagement.toString());
    }

    private Response create(String title) {
        return create(title, "planned");
    }

    private Response create(String title, String status) {
        Response response = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "%s", "status": "%s"}""".formatted(engagement, title, status));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private Response move(String id, String status) {
        Response response = api.post("/api/v1/activities/" + id + "/status", admin(),
                "{\"status\": \"" + status + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String boardStatus(String id) {
        return board().findValues("activities").stream()
                .flatMap(JsonNode::valueStream)
                .filter(activity -> text(activity, "id").equals(id))
                .map(activity -> text(activity, "status"))
                .findFirst().orElseThrow();
    }

    private java.util.List<String> boardTitles() {
        return board().findValues("title").stream().map(JsonNode::asString).toList();
    }

    private JsonNode board() {
        return api.get("/api/v1/engagements/" + engagement + "/planning-view", admin()).json();
    }
}
