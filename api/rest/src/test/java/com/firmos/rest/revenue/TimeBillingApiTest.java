package com.firmos.rest.revenue;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class TimeBillingApiTest extends IntegrationTest {

    private String client;
    private String engagement;
    private String project;

    @BeforeEach
    void engagementWithProject() {
        client = clientAssignedTo("u_ana");
        engagement = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client + "\"}").text("id");
        project = api.post("/api/v1/engagements/" + engagement + "/projects", admin(), "{\"name\": \"Rollout\"}")
                .text("id");
    }

    @Test
    void loggedHoursAreTheCallersAndBillableByDefault() {
        String consultant = token(tenant, "consultant", "u_ana");

        JsonNode entry = log(consultant, "{\"projectId\": \"%s\", \"hours\": 7.5, \"workedOn\": \"2026-11-02\"}");

        assertThat(text(entry, "userId")).isEqualTo("u_ana");
        assertThat(flag(entry, "billable")).isTrue();
        assertThat(api.get("/api/v1/engagements/" + engagement + "/unbilled-hours", consultant).json().get("hours")
                .decimalValue()).isEqualByComparingTo("7.5");
    }

    @Test
    void onlyAdminsLogHoursForSomeoneElse() {
        Response refused = api.post("/api/v1/engagements/" + engagement + "/time-entries",
                token(tenant, "consultant", "u_ana"), """
                {"userId": "u_bob", "projectId": "%s", "hours": 1, "workedOn": "2026-11-02"}""".formatted(project));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("field")).isEqualTo("userId");
        JsonNode logged = log(admin(), "{\"userId\": \"u_bob\", \"projectId\": \"%s\", \"hours\": 1, "
                + "\"workedOn\": \"2026-11-02\"}");
        assertThat(text(logged, "userId")).isEqualTo("u_bob");
    }

    @Test
    void badHoursAreRefusedNamingTheField() {
        Response refused = api.post("/api/v1/engagements/" + engagement + "/time-entries", admin(),
                "{\"projectId\": \"%s\", \"hours\": 25, \"workedOn\": \"2026-11-02\"}".formatted(project));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("hours");
        assertThat(unbilledHours()).isEqualByComparingTo("0");
    }

    @Test
    void billingPutsOneLinePerEntryAndTakesTheEntriesOffUnbilled() {
        String first = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 2.5, \"workedOn\": \"2026-11-02\"}"));
        String second = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 4, \"workedOn\": \"2026-11-03\"}"));
        log(admin(), "{\"projectId\": \"%s\", \"hours\": 3, \"workedOn\": \"2026-11-03\", \"billable\": false}");
        String invoice = draft();

        Response billed = bill(invoice, first, second);

        assertThat(billed.status()).as(billed.body()).isEqualTo(200);
        JsonNode lines = billed.json().get("lines");
        assertThat(lines.size()).isEqualTo(3);
        assertThat(at(lines, "1/amount").decimalValue()).isEqualByComparingTo("375.00");
        assertThat(billed.json().get("total").decimalValue()).isEqualByComparingTo("1110.00");
        assertThat(unbilledHours()).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/time-entries/" + first, admin()).text("invoiceId")).isEqualTo(invoice);
    }

    @Test
    void aBilledEntryCanBeNeitherCorrectedNorDeletedNorBilledAgain() {
        String entry = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 2, \"workedOn\": \"2026-11-02\"}"));
        bill(draft(), entry);

        assertThat(api.put("/api/v1/time-entries/" + entry, admin(),
                "{\"projectId\": \"%s\", \"hours\": 1, \"workedOn\": \"2026-11-02\"}".formatted(project)).status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/time-entries/" + entry, admin()).status()).isEqualTo(409);
        String other = draft();
        assertThat(bill(other, entry).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/invoices/" + other, admin()).json().get("lines").size()).isEqualTo(1);
    }

    @Test
    void twoDraftsBillingTheSameEntryAtOnceLeaveItOnExactlyOne() throws Exception {
        String entry = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 2, \"workedOn\": \"2026-11-02\"}"));
        List<String> drafts = List.of(draft(), draft());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses;
        try {
            List<Callable<Response>> bills = drafts.stream()
                    .<Callable<Response>>map(invoice -> () -> bill(invoice, entry)).toList();
            statuses = pool.invokeAll(bills).stream().map(TimeBillingApiTest::status).sorted().toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).isEqualTo(List.of(200, 409));
        long withTheEntry = drafts.stream()
                .filter(invoice -> api.get("/api/v1/invoices/" + invoice, admin()).json().get("lines").size() == 2)
                .count();
        assertThat(withTheEntry).isEqualTo(1);
    }

    @Test
    void aDeletedEntryLeavesTheUnbilledHours() {
        String entry = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 2, \"workedOn\": \"2026-11-02\"}"));

        assertThat(api.delete("/api/v1/time-entries/" + entry, admin()).status()).isEqualTo(204);

        assertThat(unbilledHours()).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/time-entries/" + entry, admin()).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantCannotBillOrSeeTheEntry() {
        String entry = id(log(admin(), "{\"projectId\": \"%s\", \"hours\": 2, \"workedOn\": \"2026-11-02\"}"));
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/time-entries/" + entry, intruder).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/time-entries/" + entry, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + engagement + "/unbilled-hours", intruder).status())
                .as("another tenant's engagement is not found").isEqualTo(404);
    }

    @Test
    void aViewerCannotLogHours() {
        assertThat(api.post("/api/v1/engagements/" + engagement + "/time-entries", token(tenant, "viewer"),
                "{\"projectId\": \"%s\", \"hours\": 1, \"workedOn\": \"2026-11-02\"}".formatted(project)).status())
                .isEqualTo(403);
    }

    private JsonNode log(String token, String template) {
        Response logged = api.post("/api/v1/engagements/" + engagement + "/time-entries", token,
                template.formatted(project));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.json();
    }

    private String draft() {
        Response drafted = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Kick-off", "quantity": 1, "unitPrice": 135.00}]}"""
                .formatted(client, engagement, LocalDate.now().plusDays(30)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return id(drafted.json());
    }

    private Response bill(String invoice, String... entries) {
        return api.post("/api/v1/invoices/" + invoice + "/time-entries", admin(),
                "{\"timeEntryIds\": [\"%s\"], \"hourlyRate\": 150.00}".formatted(String.join("\", \"", entries)));
    }

    private BigDecimal unbilledHours() {
        return api.get("/api/v1/engagements/" + engagement + "/unbilled-hours", admin()).json().get("hours")
                .decimalValue();
    }

    private static String id(JsonNode node) {
        return text(node, "id");
    }

    private static int status(Future<Response> response) {
        try {
            return response.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
