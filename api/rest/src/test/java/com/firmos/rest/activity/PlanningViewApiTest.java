package com.firmos.rest.activity;

import static com.firmos.rest.support.Json.text;
import static com.firmos.rest.support.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class PlanningViewApiTest extends IntegrationTest {

    private UUID engagement;

    @BeforeEach
    void playbook() {
        engagement = engagement();
        create("Later one", "align", "later", 0, "planned");
        create("Second this quarter", "activate", "this_quarter", 2, "planned");
        create("First this quarter", "align", "this_quarter", 0, "suggestion");
        create("Next quarter", "adopt", "next_quarter", 0, "planned");
    }

    @Test
    void boardHasTheThreeBucketsInOrderWithActivitiesOrdered() {
        JsonNode board = board("");

        assertThat(text(board, "engagementId")).isEqualTo(engagement.toString());
        assertThat(buckets(board)).containsExactly("this_quarter", "next_quarter", "later");
        assertThat(titles(board, 0)).containsExactly("First this quarter", "Second this quarter");
        assertThat(titles(board, 1)).containsExactly("Next quarter");
        assertThat(titles(board, 2)).containsExactly("Later one");
    }

    @Test
    void boardFiltersByPhase() {
        JsonNode board = board("?phase=align");

        assertThat(titles(board, 0)).containsExactly("First this quarter");
        assertThat(titles(board, 1)).isEmpty();
        assertThat(titles(board, 2)).containsExactly("Later one");
    }

    @Test
    void boardFiltersByStatusAndPhaseTogether() {
        JsonNode board = board("?status=planned&phase=align&phase=activate");

        assertThat(titles(board, 0)).containsExactly("Second this quarter");
        assertThat(titles(board, 2)).containsExactly("Later one");
    }

    @Test
    void emptyEngagementStillShowsThreeEmptyBuckets() {
        JsonNode board = api.get("/api/v1/engagements/" + engagement() + "/planning-view", admin()).json();

        assertThat(buckets(board)).containsExactly("this_quarter", "next_quarter", "later");
        assertThat(board.findValues("id")).isEmpty();
    }

    @Test
    void boardOfAnEngagementThatDoesNotExistIsNotFound() {
        var response = api.get("/api/v1/engagements/" + UUID.randomUUID() + "/planning-view", admin());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void boardAsItStoodOfAnEngagementThatDoesNotExistIsNotFound() {
        var response = api.get("/api/v1/engagements/" + UUID.randomUUID() + "/planning-view?asOf="
                + Instant.now().minusSeconds(60), admin());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("code")).isEqualTo("not-found");
    }

    @Test
    void unknownFilterValueIsBadRequestNamingTheParameter() {
        var response = api.get("/api/v1/engagements/" + engagement + "/planning-view?status=finished", admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("status");
        assertThat(response.text("rule")).contains("planned", "in_progress");
    }

    private void create(String title, String phase, String bucket, int order, String status) {
        var response = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "%s", "phase": "%s", "timeBucket": "%s", "orderIndex": %d,
                 "status": "%s"}""".formatted(engagement, title, phase, bucket, order, status));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private JsonNode board(String query) {
        var response = api.get("/api/v1/engagements/" + engagement + "/planning-view" + query, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> buckets(JsonNode board) {
        return texts(board, "buckets", "timeBucket");
    }

    private static List<String> titles(JsonNode board, int bucket) {
        return texts(board, "buckets/" + bucket + "/activities", "title");
    }
}
