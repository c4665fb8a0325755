package com.firmos.rest.revenue;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class InvoiceScheduleApiTest extends IntegrationTest {

    private String client;
    private String engagement;

    @BeforeEach
    void clientWithEngagement() {
        client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        engagement = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client + "\"}").text("id");
    }

    @Test
    void aGapOfThreePeriodsProducesExactlyThreeDrafts() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);

        String schedule = create("monthly", 1, start).text("id");

        await("the schedule caught up").atMost(Duration.ofSeconds(30)).until(() -> drafts().size() >= 3);
        JsonNode view = api.get("/api/v1/invoice-schedules/" + schedule, admin()).json();
        assertThat(number(view, "drafted")).isEqualTo(3);
        assertThat(text(view, "nextOn")).isEqualTo(start.plusMonths(3).toString());
        assertThat(drafts().stream().map(draft -> text(draft, "dueDate")).sorted().toList())
                .isEqualTo(List.of(start.plusDays(30).toString(), start.plusMonths(1).plusDays(30).toString(),
                        start.plusMonths(2).plusDays(30).toString()));
        assertThat(drafts().getFirst().get("total").decimalValue()).isEqualByComparingTo("4500.00");
    }

    @Test
    void aScheduleStartingLaterDraftsNothingYet() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);

        JsonNode view = create("quarterly", 15, start).json();

        assertThat(text(view, "nextOn")).isEqualTo(start.withDayOfMonth(15).toString());
        assertThat(flag(view, "active")).isTrue();
        assertThat(api.post("/api/v1/invoice-schedules/" + text(view, "id") + "/end", admin(), null).flag("active"))
                .isFalse();
        assertThat(drafts()).isEmpty();
    }

    @Test
    void aDayMissingFromSomeMonthsIsRefusedNamingTheField() {
        Response refused = api.post("/api/v1/invoice-schedules", admin(), body("monthly", 30, LocalDate.now()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("dayOfMonth");
        assertThat(api.get("/api/v1/invoice-schedules", admin()).json().get("schedules").size()).isZero();
    }

    @Test
    void anotherTenantDoesNotSeeTheSchedule() {
        create("monthly", 1, LocalDate.now().plusMonths(1));

        assertThat(api.get("/api/v1/invoice-schedules", token(otherTenant, "admin")).json().get("schedules").size())
                .isZero();
    }

    private Response create(String cadence, int day, LocalDate start) {
        Response created = api.post("/api/v1/invoice-schedules", admin(), body(cadence, day, start));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private String body(String cadence, int day, LocalDate start) {
        return """
                {"clientId": "%s", "engagementId": "%s", "cadence": "%s", "dayOfMonth": %d, "startOn": "%s",
                 "lines": [{"description": "Retainer", "quantity": 1, "unitPrice": 4500.00}]}"""
                .formatted(client, engagement, cadence, day, start);
    }

    private List<JsonNode> drafts() {
        JsonNode invoices = api.get("/api/v1/invoices?status=draft&engagementId=" + engagement, admin()).json()
                .get("invoices");
        return StreamSupport.stream(invoices.spliterator(), false).toList();
    }
}
