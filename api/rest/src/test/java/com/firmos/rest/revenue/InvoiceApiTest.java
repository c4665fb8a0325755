package com.firmos.rest.revenue;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class InvoiceApiTest extends IntegrationTest {

    private String client;
    private String engagement;

    @BeforeEach
    void clientWithEngagement() {
        client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        engagement = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client + "\"}").text("id");
    }

    @Test
    void aDraftComputesItsAmountsAndTotal() {
        JsonNode invoice = draft(LocalDate.now().plusDays(30), "2.5", "149.99").json();

        assertThat(text(invoice, "status")).isEqualTo("draft");
        assertThat(at(invoice, "lines/0/amount").decimalValue()).isEqualByComparingTo("374.98");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("374.98");
        assertThat(invoice.get("number").isNull()).isTrue();
    }

    @Test
    void concurrentIssuesGetGaplessNumbersInIssueOrder() throws Exception {
        List<String> drafts = issueAtOnce(12, 6);

        String year = String.valueOf(LocalDate.now().getYear());
        assertThat(api.get("/api/v1/invoices/" + drafts.getFirst(), admin()).text("number"))
                .matches("INV-" + year + "-00(0[1-9]|1[0-2])");
    }

    @Test
    void canIssueFiftyDraftsAtOnce() throws Exception {
        // More callers than pooled connections: each waits for admission instead of failing on the pool.
        issueAtOnce(50, 50);
    }

    /** Issues that many drafts from that many threads; each answers 200 and the numbers run 1..count. */
    private List<String> issueAtOnce(int count, int threads) throws Exception {
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(draft(LocalDate.now().plusDays(30), "1", "100.00").text("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Response>> issues = drafts.stream()
                    .<Callable<Response>>map(id -> () -> api.post("/api/v1/invoices/" + id + "/issue", admin(), null))
                    .toList();
            for (Future<Response> issued : pool.invokeAll(issues)) {
                assertThat(issued.get().status()).as(issued.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sequence = jdbc.sql("SELECT sequence FROM invoice WHERE organization_id = :org ORDER BY sequence")
                .param("org", tenant).query(Long.class).list();
        assertThat(sequence).isEqualTo(LongStream.rangeClosed(1, count).boxed().toList());
        return drafts;
    }

    @Test
    void partialPaymentsLeaveABalanceUntilTheInvoiceIsPaid() {
        String invoice = issued(LocalDate.now().plusDays(30), "1000.00");

        JsonNode partial = pay(invoice, "400.00").json();
        assertThat(partial.get("balanceDue").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(text(partial, "status")).isEqualTo("sent");
        Response over = api.post("/api/v1/invoices/" + invoice + "/payments", admin(), "{\"amount\": 600.01}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.text("field")).isEqualTo("amount");
        JsonNode paid = pay(invoice, "600.00").json();

        assertThat(text(paid, "status")).isEqualTo("paid");
        assertThat(paid.get("balanceDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.get("payments").size()).isEqualTo(2);
        assertThat(api.post("/api/v1/invoices/" + invoice + "/cancellation", admin(), "{\"reason\": \"x\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void aListedInvoiceCarriesItsPaymentsAsItsOwnReadDoes() {
        String paidOnce = issued(LocalDate.now().plusDays(30), "1000.00");
        String unpaid = issued(LocalDate.now().plusDays(30), "500.00");
        pay(paidOnce, "400.00");

        JsonNode listed = api.get("/api/v1/invoices", admin()).json().get("invoices");
        JsonNode own = api.get("/api/v1/invoices/" + paidOnce, admin()).json();

        assertThat(listedInvoice(listed, paidOnce).get("payments")).isEqualTo(own.get("payments")).hasSize(1);
        assertThat(listedInvoice(listed, unpaid).get("payments")).isEmpty();
    }

    private static JsonNode listedInvoice(JsonNode listed, String id) {
        for (JsonNode invoice : listed) {
            if (text(invoice, "id").equals(id)) {
                return invoice;
            }
        }
        throw new AssertionError("invoice " + id + " is not listed");
    }

    @Test
    void anInvoiceWhoseTotalTheReadSideCannotHoldIsRefused() {
        Response refused = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Everything", "quantity": 1000000, "unitPrice": 999999999999.99}]}"""
                .formatted(client, engagement, LocalDate.now().plusDays(30)));

        // Each value is within bounds; their product is not, and the total is a NUMERIC(14, 2) of the read side.
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("lines");
        assertThat(draft(LocalDate.now().plusDays(30), "1", "999999999999.99").json().get("total").decimalValue())
                .isEqualByComparingTo("999999999999.99");
    }

    @Test
    void anInvoicePastItsDueDateTurnsOverdueByItself() {
        String invoice = issued(LocalDate.now().minusDays(1), "500.00");

        await("the overdue deadline fired").atMost(Duration.ofSeconds(20))
                .until(() -> "overdue".equals(api.get("/api/v1/invoices/" + invoice, admin()).text("status")));
        assertThat(pay(invoice, "500.00").text("status")).isEqualTo("paid");
    }

    @Test
    void aCancelledNumberIsNeverReused() {
        String first = issued(LocalDate.now().plusDays(30), "100.00");
        api.post("/api/v1/invoices/" + first + "/cancellation", admin(), "{\"reason\": \"Billed twice\"}");
        String second = issued(LocalDate.now().plusDays(30), "100.00");

        JsonNode cancelled = api.get("/api/v1/invoices/" + first, admin()).json();
        assertThat(text(cancelled, "status")).isEqualTo("cancelled");
        assertThat(api.get("/api/v1/invoices/" + second, admin()).text("number"))
                .isNotEqualTo(text(cancelled, "number")).endsWith("0002");
    }

    @Test
    void theRecipientDefaultsToTheClientsEconomicBuyer() {
        String buyer = UUID.randomUUID().toString();
        api.post("/api/v1/clients/" + client + "/stakeholders", admin(), "{\"id\": \"" + buyer
                + "\", \"name\": \"CFO\", \"roles\": [\"economic_buyer\"], \"engagementLevel\": \"high\"}");

        JsonNode invoice = draft(LocalDate.now().plusDays(30), "1", "10.00").json();

        assertThat(text(invoice, "recipientStakeholderId")).isEqualTo(buyer);
    }

    @Test
    void ageingPutsOpenBalancesInBucketsByDaysOverdue() {
        issued(LocalDate.now().plusDays(5), "100.00");
        issued(LocalDate.now().minusDays(10), "200.00");
        issued(LocalDate.now().minusDays(45), "300.00");
        pay(issued(LocalDate.now().minusDays(100), "400.00"), "150.00");

        JsonNode totals = api.get("/api/v1/receivables/ageing", admin()).json().get("totals");

        assertThat(totals.get("current").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(totals.get("days1to30").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(totals.get("days31to60").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(totals.get("over90").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(totals.get("total").decimalValue()).isEqualByComparingTo("850.00");
    }

    @Test
    void revenueShowsIssuedAndCollectedByMonth() {
        pay(issued(LocalDate.now().plusDays(30), "1000.00"), "250.00");

        JsonNode month = api.get("/api/v1/revenue", admin()).at("months/0");

        assertThat(text(month, "month")).isEqualTo(LocalDate.now().toString().substring(0, 7));
        assertThat(month.get("issued").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(month.get("collected").decimalValue()).isEqualByComparingTo("250.00");
    }

    @Test
    void anotherTenantNeitherSeesNorPaysTheInvoice() {
        String invoice = issued(LocalDate.now().plusDays(30), "100.00");
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/invoices/" + invoice, intruder).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/invoices/" + invoice + "/payments", intruder, "{\"amount\": 100}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/invoices", intruder).json().get("invoices").size()).isZero();
    }

    @Test
    void cannotBillAClientUnderAnotherClientsEngagement() {
        String other = api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}").text("profile/id");
        String invoice = UUID.randomUUID().toString();

        Response refused = api.post("/api/v1/invoices", admin(), """
                {"id": "%s", "clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": 1, "unitPrice": 10}]}"""
                .formatted(invoice, other, engagement, LocalDate.now().plusDays(30)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("engagementId");
        assertThat(api.get("/api/v1/invoices/" + invoice, admin()).status()).isEqualTo(404);
    }

    private Response draft(LocalDate due, String quantity, String price) {
        Response drafted = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": %s, "unitPrice": %s}]}"""
                .formatted(client, engagement, due, quantity, price));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted;
    }

    private String issued(LocalDate due, String amount) {
        String id = draft(due, "1", amount).text("id");
        assertThat(api.post("/api/v1/invoices/" + id + "/issue", admin(), null).status()).isEqualTo(200);
        return id;
    }

    private Response pay(String invoice, String amount) {
        Response paid = api.post("/api/v1/invoices/" + invoice + "/payments", admin(), "{\"amount\": " + amount + "}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid;
    }
}
