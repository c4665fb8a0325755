package com.firmos.rest.revenue;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class PayablesApiTest extends IntegrationTest {

    private static final String EMAIL = "accounts.payable@venue.example";
    private static final String PHONE = "020 7946 0959";

    private String vendor;

    @BeforeEach
    void vendor() {
        Response registered = api.post("/api/v1/vendors", admin(),
                "{\"name\": \"Venue Co\", \"email\": \"ap@venue.example\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        vendor = registered.text("id");
    }

    @Test
    void aRegisteredVendorIsReadWhereItsLocationSays() {
        Response registered = api.post("/api/v1/vendors", admin(), "{\"name\": \"Catering Ltd\"}");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/v1/vendors/" + registered.text("id"));
        assertThat(api.get(registered.header("Location"), admin()).body()).isEqualTo(registered.body());
        assertThat(api.get("/api/v1/vendors/" + vendor, admin()).text("email")).isEqualTo("ap@venue.example");
        assertThat(api.get(registered.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
    }

    @Test
    void aBillGoesFromPendingThroughApprovedToPaid() {
        String bill = record("1250.00", LocalDate.now().plusDays(10));

        assertThat(api.get("/api/v1/bills/" + bill, admin()).text("status")).isEqualTo("pending");
        assertThat(post(bill, "approval", null).text("status")).isEqualTo("approved");
        JsonNode paid = post(bill, "payment", "{\"paidOn\": \"2026-11-20\"}").json();

        assertThat(text(paid, "status")).isEqualTo("paid");
        assertThat(text(paid, "paidOn")).isEqualTo("2026-11-20");
        assertThat(text(paid, "vendorName")).isEqualTo("Venue Co");
    }

    @Test
    void aPaidBillCannotBeCancelledAndAPendingOneCannotBePaid() {
        String paid = record("10.00", LocalDate.now());
        post(paid, "approval", null);
        post(paid, "payment", null);
        String pending = record("20.00", LocalDate.now());

        Response cancel = api.post("/api/v1/bills/" + paid + "/cancellation", admin(), "{\"reason\": \"x\"}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("field")).isEqualTo("status");
        assertThat(api.post("/api/v1/bills/" + pending + "/payment", admin(), null).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/bills/" + pending, admin()).text("status")).isEqualTo("pending");
    }

    @Test
    void aRejectedBillKeepsItsReason() {
        String bill = record("99.00", LocalDate.now());

        JsonNode rejected = post(bill, "rejection", "{\"reason\": \"Not our order\"}").json();

        assertThat(text(rejected, "status")).isEqualTo("rejected");
        assertThat(text(rejected, "reason")).isEqualTo("Not our order");
    }

    @Test
    void payablesFilterByStatusAndDuePeriodAndSumWhatIsOutstanding() {
        record("100.00", LocalDate.now().plusDays(3));
        String approved = record("200.00", LocalDate.now().plusDays(20));
        post(approved, "approval", null);
        String rejected = record("400.00", LocalDate.now().plusDays(5));
        post(rejected, "rejection", "{\"reason\": \"Duplicate\"}");

        JsonNode all = api.get("/api/v1/bills", admin()).json();
        JsonNode soon = api.get("/api/v1/bills?status=pending&status=approved&dueTo=" + LocalDate.now().plusDays(7),
                admin()).json();

        assertThat(all.get("bills").size()).isEqualTo(3);
        assertThat(all.get("outstanding").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(soon.get("bills").size()).isEqualTo(1);
        assertThat(soon.get("outstanding").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void aBillOfAnUnknownVendorIsRefusedNamingTheField() {
        Response refused = api.post("/api/v1/bills", admin(), """
                {"vendorId": "%s", "amount": 10.00, "dueDate": "2026-12-01"}""".formatted(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("vendorId");
        assertThat(api.get("/api/v1/bills", admin()).json().get("bills").size()).isZero();
    }

    @Test
    void onlyAdminsApproveBills() {
        String bill = record("10.00", LocalDate.now());

        assertThat(api.post("/api/v1/bills/" + bill + "/approval", token(tenant, "consultant"), null).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/bills/" + bill, admin()).text("status")).isEqualTo("pending");
    }

    @Test
    void anotherTenantNeitherSeesNorApprovesTheBill() {
        String bill = record("10.00", LocalDate.now());
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/bills/" + bill, intruder).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/bills/" + bill + "/approval", intruder, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/bills", intruder).json().get("bills").size()).isZero();
        assertThat(api.get("/api/v1/vendors", intruder).json().get("vendors").size()).isZero();
    }

    @Test
    void aVendorsEmailAndPhoneAreSealedInEventsAndTablesAndNeverLogged(CapturedOutput output) {
        Response registered = api.post("/api/v1/vendors", admin(), """
                {"name": "Catering Ltd", "email": "%s", "phone": "%s"}""".formatted(EMAIL, PHONE));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.text("id");
        assertThat(registered.text("email")).isEqualTo(EMAIL);
        assertThat(registered.text("phone")).isEqualTo(PHONE);
        assertThat(jdbc.sql("SELECT concat(email_sealed, phone_sealed) FROM vendor WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(String.class).single()).startsWith("v1:").doesNotContain(EMAIL, PHONE);
        assertThat(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = :id").param("id", id).query(String.class).single())
                .contains("Catering Ltd").doesNotContain(EMAIL, "accounts.payable", PHONE, "7946");
        assertThat(api.get("/api/v1/timeline?entityId=" + id, admin()).body()).contains("Catering Ltd")
                .doesNotContain(EMAIL, PHONE, "ciphertext");
        assertThat(output.getAll()).doesNotContain(EMAIL, "accounts.payable", PHONE);
    }

    @Test
    void anAdminErasesAVendorsContactForGoodEvenAfterARebuild() {
        String erasure = "/api/v1/vendors/" + vendor + "/erasure";

        assertThat(api.post(erasure, token(tenant, "consultant"), null).status()).isEqualTo(403);
        assertThat(api.post(erasure, token(otherTenant, "admin"), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/vendors/" + UUID.randomUUID() + "/erasure", admin(), null).status())
                .isEqualTo(404);
        Response erased = api.post(erasure, admin(), null);
        assertThat(api.post("/api/v1/admin/projections/payables/rebuild", operator(), null).status()).isEqualTo(202);
        await("payables caught up").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/admin/projections/payables", admin()).number("lag") == 0);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("email").isNull()).isTrue();
        assertThat(erased.json().get("contactErasedAt").isNull()).isFalse();
        JsonNode read = api.get("/api/v1/vendors", admin()).at("vendors/0");
        assertThat(read.get("email").isNull()).as("after the rebuild").isTrue();
        assertThat(text(read, "name")).isEqualTo("Venue Co");
        assertThat(api.get("/api/v1/admin/audit/events?entityId=" + vendor, admin()).body())
                .contains("VendorContactErasedEvent").doesNotContain("ap@venue.example");
        assertThat(record("10.00", LocalDate.now())).as("its bills go on").isNotBlank();
        Response again = api.post("/api/v1/vendors", admin(), """
                {"id": "%s", "name": "Venue Co", "email": "ap@venue.example"}""".formatted(vendor));
        assertThat(again.status()).isEqualTo(410);
    }

    @Test
    void aMalformedVendorPhoneIsRefusedNamingTheField() {
        Response refused = api.post("/api/v1/vendors", admin(), "{\"name\": \"X\", \"phone\": \"call me\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("phone");
    }

    private String record(String amount, LocalDate due) {
        Response recorded = api.post("/api/v1/bills", admin(), """
                {"vendorId": "%s", "reference": "V-1", "amount": %s, "dueDate": "%s", "description": "Venue"}"""
                .formatted(vendor, amount, due));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.text("id");
    }

    private Response post(String bill, String step, String body) {
        Response response = api.post("/api/v1/bills/" + bill + "/" + step, admin(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
