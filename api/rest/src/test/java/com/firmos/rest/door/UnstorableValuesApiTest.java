package com.firmos.rest.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.TenantFixture;

import tools.jackson.databind.JsonNode;

/**
 * The three values of the issue, each of which a projection failed on after the write was stored: a NUL in a portal
 * contact's comment, an interaction in the year 999999999, a budget of 1e400. Each is now a 400 naming the field,
 * nothing is parked, and the same views take the next valid write at once.
 */
class UnstorableValuesApiTest extends IntegrationTest {

    @Test
    void theIssuesThreeValuesAreRefusedNamingTheFieldAndTheViewsStillMove() {
        TenantFixture data = TenantFixture.build(api, "U-" + UUID.randomUUID().toString().substring(0, 8),
                (role, user) -> token(tenant, role, user));
        String activity = data.first("activities");
        String client = data.first("clients");
        String comments = "/api/v1/portal/activities/" + activity + "/comments";
        String interactions = "/api/v1/clients/" + client + "/interactions";

        refused(api.post(comments, data.portalSession(), "{\"text\": \"before\\u0000after\"}"), "text");
        refused(api.post(interactions, admin(), """
                {"type": "call", "subject": "Far away", "occurredAt": "+999999999-01-01T00:00:00Z"}"""),
                "occurredAt");
        refused(api.post("/api/v1/clients", admin(), "{\"name\": \"Boundless\", \"budget\": 1e400}"), "budget");
        // Each is 0 or 1 by its value, but as written PostgreSQL's numeric overflows on it or it has too many places.
        for (String written : List.of("0E-20000", "0E+20000", "1." + "0".repeat(990), "0.00000")) {
            refused(api.post("/api/v1/clients", admin(), "{\"name\": \"Zeros\", \"budget\": " + written + "}"),
                    "budget");
        }

        Response comment = api.post(comments, data.portalSession(), "{\"text\": \"after the refusals\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(comment.json().findValues("text").stream().map(JsonNode::asString)).contains("after the refusals");
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Response interaction = api.post(interactions, admin(), """
                {"type": "call", "subject": "Near", "occurredAt": "%s"}""".formatted(yesterday));
        assertThat(interaction.status()).as(interaction.body()).isEqualTo(201);
        assertThat(interaction.json().findValues("subject").stream().map(JsonNode::asString)).contains("Near");
        Response bounded = api.post("/api/v1/clients", admin(), "{\"name\": \"Bounded\", \"budget\": 1e6}");
        assertThat(bounded.status()).as(bounded.body()).isEqualTo(201);
        assertThat(bounded.at("profile/budget").decimalValue()).isEqualByComparingTo("1000000");
        Response zero = api.post("/api/v1/clients", admin(), "{\"name\": \"Nothing yet\", \"budget\": 0.00}");
        assertThat(zero.status()).as(zero.body()).isEqualTo(201);
        assertThat(zero.at("profile/budget").decimalValue()).isEqualByComparingTo("0");

        assertThat(api.get("/api/v1/admin/dead-letters", admin()).json().size()).as("parked sequences").isZero();
        await("projections caught up").atMost(Duration.ofSeconds(30)).until(this::caughtUp);
    }

    private static void refused(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("field")).isEqualTo(field);
        assertThat(answer.text("rule")).startsWith(field + " must");
    }

    private boolean caughtUp() {
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin()).json()) {
            if (projection.path("lag").asLong() > 0 || projection.path("parkedSequences").asLong() > 0) {
                return false;
            }
        }
        return true;
    }
}
