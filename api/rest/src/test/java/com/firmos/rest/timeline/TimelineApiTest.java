package com.firmos.rest.timeline;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class TimelineApiTest extends IntegrationTest {

    private UUID engagement;
    private UUID otherEngagement;
    private String activityId;
    private Instant beforeMoves;

    @BeforeEach
    void history() {
        engagement = engagementAssignedTo("user_bob");
        otherEngagement = engagement();
        activityId = create(engagement, "Tracked", token(tenant, "admin", "user_ada"));
        create(otherEngagement, "Elsewhere", token(tenant, "admin", "user_bob"));
        beforeMoves = Instant.now();
        for (String status : new String[] {"in_progress", "done", "planned"}) {
            api.post("/api/v1/activities/" + activityId + "/status", token(tenant, "consultant", "user_bob"),
                    "{\"status\": \"" + status + "\"}");
        }
    }

    @Test
    void timelineListsEveryEventNewestFirst() {
        List<JsonNode> entries = entries("?entityType=activity");

        assertThat(entries).hasSize(5);
        assertThat(entries.stream().map(entry -> text(entry, "occurredAt")).toList())
                .isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        JsonNode reopen = entries.getFirst();
        assertThat(text(reopen, "eventType")).isEqualTo("status_change");
        assertThat(text(reopen, "oldValue/status")).isEqualTo("done");
        assertThat(text(reopen, "newValue/status")).isEqualTo("planned");
        assertThat(text(reopen, "entityType")).isEqualTo("activity");
    }

    @Test
    void timelineFiltersByEngagementEntityEventTypeAndActor() {
        assertThat(entries("?engagementId=" + otherEngagement + "&entityType=activity")).hasSize(1);
        assertThat(entries("?entityId=" + activityId)).hasSize(4);
        assertThat(entries("?eventType=created")).hasSize(2);
        assertThat(entries("?actorId=user_bob")).hasSize(4);
        assertThat(entries("?entityType=activity&actorId=user_ada")).hasSize(1);
    }

    @Test
    void timelineFiltersByTimeRange() {
        assertThat(entries("?from=" + beforeMoves)).hasSize(3);
        assertThat(entries("?entityType=activity&to=" + beforeMoves)).hasSize(2);
    }

    @Test
    void cursorPagesThroughEveryEntryOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/api/v1/timeline?entityType=activity&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    admin());
            page.json().get("entries").valueStream().forEach(entry -> seen.add(text(entry, "eventId")));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(entries("?entityType=activity").stream()
                .map(entry -> text(entry, "eventId")).toList());
    }

    @Test
    void cursorThisApiNeverIssuedIsBadRequest() {
        Response response = api.get("/api/v1/timeline?cursor=bm90LWEtY3Vyc29y", admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("cursor");
    }

    @Test
    void pageSizeOutOfRangeIsBadRequest() {
        assertThat(api.get("/api/v1/timeline?limit=0", admin()).text("field")).isEqualTo("limit");
        assertThat(api.get("/api/v1/timeline?limit=500", admin()).status()).isEqualTo(400);
    }

    private List<JsonNode> entries(String query) {
        Response response = api.get("/api/v1/timeline" + query, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("entries").valueStream().toList();
    }

    private String create(UUID engagementId, String title, String token) {
        return api.post("/api/v1/activities", token, """
                {"engagementId": "%s", "title": "%s"}""".formatted(engagementId, title))
                .text("id");
    }
}
