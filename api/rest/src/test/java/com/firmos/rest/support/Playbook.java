package com.firmos.rest.support;

import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.firmos.rest.support.Api.Response;

import tools.jackson.databind.JsonNode;

/** Builds Living Playbook state over HTTP for a test: activities, winning moves, relations, and reads it back. */
public final class Playbook {

    private final Api api;
    private final String token;
    private final UUID engagement;

    /** A playbook in a new engagement of the token's tenant. */
    public Playbook(Api api, String token) {
        this.api = api;
        this.token = token;
        this.engagement = IntegrationTest.openEngagement(api, token);
    }

    public UUID engagement() {
        return engagement;
    }

    public String activity(String title) {
        return activity(title, "this_quarter");
    }

    public String activity(String title, String bucket) {
        Response created = api.post("/api/v1/activities", token, """
                {"engagementId": "%s", "title": "%s", "timeBucket": "%s"}""".formatted(engagement, title, bucket));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    public String winningMove(String title) {
        Response created = api.post("/api/v1/winning-moves", token, """
                {"engagementId": "%s", "title": "%s"}""".formatted(engagement, title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    public Response link(String activityId, String moveId) {
        return api.post("/api/v1/activities/" + activityId + "/winning-moves", token,
                "{\"winningMoveId\": \"" + moveId + "\"}");
    }

    public Response relate(String sourceType, String sourceId, String targetType, String targetId, String type) {
        return api.post("/api/v1/relations", token, """
                {"source": {"type": "%s", "id": "%s"}, "target": {"type": "%s", "id": "%s"},
                 "relationType": %s}""".formatted(sourceType, sourceId, targetType, targetId,
                type == null ? "null" : "\"" + type + "\""));
    }

    public Response move(String activityId, String bucket, Integer position) {
        return api.post("/api/v1/activities/" + activityId + "/move", token, """
                {"timeBucket": "%s", "position": %s}""".formatted(bucket, position), Map.of());
    }

    public JsonNode board(String query) {
        Response board = api.get("/api/v1/engagements/" + engagement + "/planning-view" + query, token);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        return board.json();
    }

    public JsonNode card(String activityId) {
        Response card = api.get("/api/v1/activities/" + activityId, token);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        return card.json();
    }

    /** The titles of the cards on a board answer, bucket by bucket in board order. */
    public static List<String> cardTitles(JsonNode board) {
        return board.get("buckets").valueStream()
                .flatMap(bucket -> bucket.get("activities").valueStream())
                .map(card -> text(card, "title"))
                .toList();
    }

    /** The titles of a bucket in board order, with their order indexes checked to be 0..n-1. */
    public List<String> bucket(String bucket) {
        JsonNode cards = board("").get("buckets").valueStream()
                .filter(node -> text(node, "timeBucket").equals(bucket))
                .findFirst().orElseThrow().get("activities");
        List<Long> positions = cards.valueStream().map(card -> number(card, "orderIndex")).toList();
        assertThat(positions).as("dense positions in " + bucket)
                .isEqualTo(java.util.stream.LongStream.range(0, positions.size()).boxed().toList());
        return cards.valueStream().map(card -> text(card, "title")).toList();
    }
}
