package com.firmos.rest.timeline;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

/** The Stream and the Timeline of an engagement read one projection with different filters. */
class StreamAndTimelineApiTest extends IntegrationTest {

    private Playbook playbook;
    private String activity;
    private String resourceId;

    @BeforeEach
    void everyActivityLogEventType() {
        playbook = new Playbook(api, admin());
        activity = playbook.activity("Workshop");
        String move = playbook.winningMove("Own onboarding");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");
        api.post("/api/v1/activities/" + activity + "/comments", admin(), "{\"text\": \"Booked the room\"}");
        resourceId = api.post("/api/v1/activities/" + activity + "/resources", admin(),
                        "{\"type\": \"url\", \"title\": \"Agenda\", \"url\": \"https://x.io/agenda\"}")
                .text("resourceId");
        api.send("DELETE", "/api/v1/activities/" + activity + "/resources/" + resourceId, admin(), null, Map.of());
        playbook.link(activity, move);
        api.put("/api/v1/activities/" + activity + "/team", admin(), "{\"team\": \"IT\"}", Map.of());
    }

    @Test
    void everyActivityLogEventTypeAppearsWithItsValues() {
        Map<String, JsonNode> byType = new java.util.HashMap<>();
        entries("/api/v1/engagements/" + playbook.engagement() + "/stream")
                .forEach(entry -> byType.putIfAbsent(text(entry, "eventType"), entry));

        assertThat(byType).containsKeys("created", "status_change", "comment", "resource_added",
                "resource_removed", "winning_move_linked", "assignment_changed");
        assertThat(text(byType.get("status_change"), "oldValue/status")).isEqualTo("planned");
        assertThat(text(byType.get("status_change"), "newValue/status")).isEqualTo("in_progress");
        assertThat(text(byType.get("comment"), "comment")).isEqualTo("Booked the room");
        assertThat(text(byType.get("resource_added"), "newValue/resource_id")).isEqualTo(resourceId);
        assertThat(text(byType.get("resource_added"), "newValue/title")).isEqualTo("Agenda");
        assertThat(text(byType.get("resource_removed"), "oldValue/title")).isEqualTo("Agenda");
        assertThat(text(byType.get("winning_move_linked"), "newValue/title")).isEqualTo("Own onboarding");
        assertThat(text(byType.get("assignment_changed"), "newValue/team")).isEqualTo("IT");
    }

    @Test
    void timelineShowsHowThePlanChangedWithoutTheConversation() {
        List<String> types = entries("/api/v1/engagements/" + playbook.engagement() + "/timeline").stream()
                .map(entry -> text(entry, "eventType")).toList();

        assertThat(types).contains("created", "status_change", "winning_move_linked", "assignment_changed")
                .doesNotContain("comment", "resource_added", "resource_removed");
    }

    @Test
    void streamAndTimelineTakeTheSameFilters() {
        List<JsonNode> comments = entries("/api/v1/engagements/" + playbook.engagement()
                + "/stream?eventType=comment");
        List<JsonNode> statusChanges = entries("/api/v1/engagements/" + playbook.engagement()
                + "/timeline?eventType=status_change&entityId=" + activity);

        assertThat(comments).hasSize(1);
        assertThat(statusChanges).hasSize(1);
    }

    @Test
    void anotherOrNoEngagementsStreamIsNotFound() {
        assertThat(api.get("/api/v1/engagements/" + UUID.randomUUID() + "/stream", admin()).status())
                .as("no such engagement").isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + playbook.engagement() + "/stream", token(otherTenant, "admin"))
                .status()).as("another tenant's engagement is not found").isEqualTo(404);
    }

    @Test
    void malformedTimeFilterIsBadRequest() {
        var response = api.get("/api/v1/engagements/" + playbook.engagement() + "/stream?from=yesterday", admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("from");
        assertThat(response.text("detail")).contains("ISO date-time", "2026-01-31T09:00:00Z");
    }

    @Test
    void aPageSizeThatIsNoNumberIsBadRequestNamingIt() {
        var response = api.get("/api/v1/engagements/" + playbook.engagement() + "/timeline?limit=ten", admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("limit");
        assertThat(response.text("detail")).isEqualTo("limit must be a whole number");
    }

    @Test
    void aTimeFilterInMillisecondsSince1970IsTaken() {
        var response = api.get("/api/v1/engagements/" + playbook.engagement() + "/stream?from=0", admin());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private List<JsonNode> entries(String path) {
        var response = api.get(path, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("entries").valueStream().toList();
    }
}
