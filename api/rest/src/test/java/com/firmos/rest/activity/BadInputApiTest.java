package com.firmos.rest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/** Bad input is a 400 problem naming the field and its rule, and nothing is stored. */
class BadInputApiTest extends IntegrationTest {

    private UUID engagement;

    @BeforeEach
    void openEngagement() {
        engagement = engagement();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing title       | {'engagementId': 'ENG'}                                  | title",
            "blank title         | {'engagementId': 'ENG', 'title': '  '}                   | title",
            "missing engagement  | {'title': 'T'}                                           | engagementId",
            "unknown bucket      | {'engagementId': 'ENG', 'title': 'T', 'timeBucket': 'x'} | timeBucket",
            "unknown phase       | {'engagementId': 'ENG', 'title': 'T', 'phase': 'build'}  | phase",
            "unknown status      | {'engagementId': 'ENG', 'title': 'T', 'status': 'maybe'} | status",
            "created as done     | {'engagementId': 'ENG', 'title': 'T', 'status': 'done'}  | status",
            "text as order       | {'engagementId': 'ENG', 'title': 'T', 'orderIndex': 'a'} | orderIndex",
            "negative order      | {'engagementId': 'ENG', 'title': 'T', 'orderIndex': -1}  | orderIndex",
            "bad date            | {'engagementId': 'ENG', 'title': 'T', 'dueDate': 'soon'} | dueDate",
            "due before schedule | {'engagementId': 'ENG', 'title': 'T', 'scheduledDate': '2026-12-02', "
                    + "'dueDate': '2026-12-01'} | dueDate",
            "bad engagement id   | {'engagementId': 'not-a-uuid', 'title': 'T'}             | engagementId"})
    void createWithBadFieldIsRefusedNamingTheField(String name, String body, String field) {
        String json = body.replace('\'', '"').replace("ENG", engagement.toString());
        Response response = api.post("/api/v1/activities", admin(), json);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
        assertThat(response.text("rule")).isNotBlank();
        assertNothingStored();
    }

    @Test
    void oversizedTitleIsRefused() {
        Response response = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "%s"}""".formatted(engagement, "x".repeat(201)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("rule")).contains("at most 200");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsBadRequest() {
        Response response = api.post("/api/v1/activities", admin(), "{\"title\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("malformed-body");
        assertNothingStored();
    }

    @Test
    void missingBodyIsBadRequest() {
        Response response = api.send("POST", "/api/v1/activities", admin(), null, Map.of());

        assertThat(response.status()).isIn(400, 415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedIdInPathIsBadRequest() {
        Response response = api.get("/api/v1/activities/42", admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("id");
    }

    @Test
    void malformedIfMatchIsBadRequest() {
        String id = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "T"}""".formatted(engagement)).text("id");

        Response response = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"done\"}",
                Map.of("If-Match", "yesterday"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("If-Match");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void statusChangeWithoutStatusIsBadRequest() {
        String id = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "T"}""".formatted(engagement)).text("id");

        Response response = api.post("/api/v1/activities/" + id + "/status", admin(), "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("status");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    private void assertNothingStored() {
        var board = api.get("/api/v1/engagements/" + engagement + "/planning-view", admin()).json();
        assertThat(board.findValues("id")).isEmpty();
        assertThat(api.get("/api/v1/timeline?entityType=activity", admin()).json().get("entries").size()).isZero();
    }
}
