package com.firmos.rest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.PoolFault;

/**
 * A keyed request cut off after its write was stored (here: a full pool while it waits for its projections, which
 * answers 503 and releases its key) gets the first answer on its retry: what it stored is not sent again.
 */
class StoredWriteRetryApiTest extends IntegrationTest {

    /** The read-your-writes wait's first statement, which runs right after the request's write is stored. */
    private static final String CATCH_UP =
            "SELECT sequence_number, global_index, payload_type FROM domain_event_entry";

    /** A tenant's admin and a client with an engagement of it, to draft invoices for. */
    private record Billing(String admin, String client, String engagement) {
    }

    private Billing mine;

    @BeforeEach
    void myBilling() {
        mine = billing(admin());
    }

    @AfterEach
    void noFaultLeftArmed() {
        PoolFault.disarm();
    }

    @Test
    void retriedIssueAfterAStoredWriteGetsTheFirstAnswer() {
        String invoice = draft(mine, Map.of()).text("id");
        Map<String, String> key = Map.of("Idempotency-Key", "issue-" + invoice);

        Response cutOff = cutOff(() -> api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null, key));
        Response retry = api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null, key);
        Response again = api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null, key);

        assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(503);
        assertThat(cutOff.text("code")).isEqualTo("server-busy");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.text("status")).isEqualTo("sent");
        assertThat(retry.text("number")).isEqualTo(api.get("/api/v1/invoices/" + invoice, admin()).text("number"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(eventCount(invoice)).isEqualTo(2);
    }

    @Test
    void aRetryCutOffAgainLeavesTheNextRetryTheFirstAnswer() {
        String invoice = draft(mine, Map.of()).text("id");
        Map<String, String> key = Map.of("Idempotency-Key", "issue-" + invoice);
        String path = "/api/v1/invoices/" + invoice + "/issue";

        Response cutOff = cutOff(() -> api.post(path, admin(), null, key));
        Response cutOffAgain = cutOff(() -> api.post(path, admin(), null, key));
        Response retry = api.post(path, admin(), null, key);

        assertThat(cutOff.status()).isEqualTo(503);
        assertThat(cutOffAgain.status()).as(cutOffAgain.body()).isEqualTo(503);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.text("status")).isEqualTo("sent");
        assertThat(eventCount(invoice)).isEqualTo(2);
    }

    @Test
    void aCreateWithoutAnIdRetriedAfterACutOffGetsTheSameIdAndOneInvoice() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response cutOff = cutOff(() -> draft(mine, key));
        Response retry = draft(mine, key);

        assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(503);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo("/api/v1/invoices/" + retry.text("id"));
        assertThat(invoicesOf(mine)).containsExactly(retry.text("id"));
        assertThat(eventCount(retry.text("id"))).isEqualTo(1);
    }

    @Test
    void anotherTenantWithTheSameKeyIsUnaffected() {
        String key = "shared-" + UUID.randomUUID();
        Response myCutOff = cutOff(() -> draft(mine, Map.of("Idempotency-Key", key)));
        Billing others = billing(token(otherTenant, "admin"));

        Response theirs = draft(others, Map.of("Idempotency-Key", key));
        Response myRetry = draft(mine, Map.of("Idempotency-Key", key));

        assertThat(myCutOff.status()).isEqualTo(503);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(myRetry.status()).as(myRetry.body()).isEqualTo(201);
        assertThat(theirs.text("id")).isNotEqualTo(myRetry.text("id"));
        assertThat(invoicesOf(others)).containsExactly(theirs.text("id"));
        assertThat(invoicesOf(mine)).containsExactly(myRetry.text("id"));
    }

    @Test
    void theKeyOfACutOffRequestCannotBeReusedForAnotherRequest() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        cutOff(() -> draft(mine, key));

        Response other = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Other work", "quantity": 2, "unitPrice": 10}]}"""
                .formatted(mine.client(), mine.engagement(), LocalDate.now().plusDays(30)), key);

        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.text("code")).isEqualTo("idempotency-key-reused");
        // The cut-off request did not wait for its projections: its invoice shows once they have run.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(invoicesOf(mine)).hasSize(1));
    }

    @Test
    void aRetryAfterANodeDiedBeforeKeepingTheAnswerGetsTheFirstAnswer() {
        String invoice = draft(mine, Map.of()).text("id");
        Map<String, String> key = Map.of("Idempotency-Key", "issue-" + invoice);
        Response first = api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null, key);
        // What a node killed between the command's commit and keeping its answer leaves, once it counts as dead.
        jdbc.sql("""
                UPDATE idempotent_request SET status = NULL, content_type = NULL, location = NULL, etag = NULL,
                    body = NULL, created_at = now() - interval '3 minutes'
                WHERE request_key = :key""").param("key", "header:issue-" + invoice).update();

        Response retry = api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventCount(invoice)).isEqualTo(2);
    }

    @Test
    void aStepCommitsInTheTransactionOfItsCommandsEvents() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String invoice = draft(mine, key).text("id");

        String step = jdbc.sql("SELECT xmin::text FROM idempotent_step WHERE aggregate_id = :id")
                .param("id", invoice).query(String.class).single();
        String event = jdbc.sql("SELECT xmin::text FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", invoice).query(String.class).single();

        assertThat(step).isEqualTo(event);
    }

    @Test
    void anErasureInTheTenantKeepsTheStepsOfItsKeyedRequests() {
        cutOff(() -> draft(mine, Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        String stakeholder = UUID.randomUUID().toString();
        String stakeholders = "/api/v1/clients/" + mine.client() + "/stakeholders";
        Response added = api.post(stakeholders, admin(), "{\"id\": \"" + stakeholder
                + "\", \"name\": \"Ada\", \"engagementLevel\": \"high\"}");
        long before = steps();

        Response erased = api.post(stakeholders + "/" + stakeholder + "/erasure", admin(), null);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(before).isPositive();
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        // Steps hold ids and keyed digests only: a retry in flight still resumes after someone's erasure.
        assertThat(steps()).isEqualTo(before);
    }

    @Test
    void aKeyUsedAgainAfterItExpiredMakesNewIdsForANewRequest() {
        Map<String, String> key = Map.of("Idempotency-Key", "new-client-" + UUID.randomUUID());
        String stored = "header:" + key.get("Idempotency-Key");
        Response first = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}", key);
        // The answer is kept just after it is sent: expire the key only once it is.
        await("the first answer kept").atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM idempotent_request WHERE request_key = :key AND status IS NOT NULL""")
                .param("key", stored).query(Long.class).single() == 1);
        jdbc.sql("DELETE FROM idempotent_request WHERE request_key = :key").param("key", stored)
                .update();
        jdbc.sql("DELETE FROM idempotent_step WHERE request_key = :key").param("key", stored)
                .update();

        Response second = api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.text("profile/id")).isNotEqualTo(first.text("profile/id"));
        assertThat(UUID.fromString(second.text("profile/id")).version()).isEqualTo(4);
    }

    @Test
    void aGrantRetriedAfterACutOffGetsTheAccessItStoredAndNoSecondGrant() {
        String engagement = new Playbook(api, admin()).engagement().toString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/v1/engagements/" + engagement + "/portal-access";
        String body = "{\"contactName\": \"Grace\", \"sections\": [\"playbook\"]}";

        Response cut = cutOff(() -> api.post(path, admin(), body, key));
        // The link's token and the sealed name are drawn anew by the retry: still the same grant, not a second.
        Response retry = api.post(path, admin(), body, key);

        assertThat(cut.status()).as(cut.body()).isEqualTo(503);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String access = retry.text("access/id");
        assertThat(retry.header("Location")).isEqualTo("/api/v1/portal-access/" + access);
        assertThat(retry.text("access/contactName")).isEqualTo("Grace");
        // The stored link's token went with the lost first answer: the retry says how to get a working one.
        assertThat(retry.json().get("token").isNull()).isTrue();
        assertThat(retry.text("detail")).contains("/api/v1/portal-access/" + access + "/rotation");
        assertThat(api.get(path, admin()).texts("accesses", "id")).containsExactly(access);
        assertThat(eventCount(access)).isEqualTo(1);
        Response rotated = api.post("/api/v1/portal-access/" + access + "/rotation", admin(), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        Response session = api.post("/api/v1/portal/sessions", null,
                "{\"token\": \"" + rotated.text("token") + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
    }

    private long steps() {
        return jdbc.sql("SELECT count(*) FROM idempotent_step WHERE organization_id = :org").param("org", tenant)
                .query(Long.class).single();
    }

    /** Runs the request with the wait for its projections failing as a full pool fails it. */
    private static Response cutOff(Supplier<Response> request) {
        PoolFault.failNext(CATCH_UP);
        try {
            return request.get();
        } finally {
            PoolFault.disarm();
        }
    }

    private Billing billing(String admin) {
        String client = api.post("/api/v1/clients", admin, "{\"name\": \"Northwind\"}").text("profile/id");
        return new Billing(admin, client, api.post("/api/v1/engagements", admin, "{\"clientId\": \"" + client
                + "\"}").text("id"));
    }

    private Response draft(Billing billing, Map<String, String> headers) {
        return api.post("/api/v1/invoices", billing.admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": 1, "unitPrice": 100}]}"""
                .formatted(billing.client(), billing.engagement(), LocalDate.now().plusDays(30)), headers);
    }

    private List<String> invoicesOf(Billing billing) {
        return api.get("/api/v1/invoices?clientId=" + billing.client(), billing.admin()).texts("invoices", "id");
    }
}
