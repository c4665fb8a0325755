package com.firmos.rest.crm;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class ClientApiTest extends IntegrationTest {

    private static final String EMAIL = "grace.hopper@northwind.example";
    private static final String PHONE = "+1 555 0100 4242";

    @Autowired
    private PersonalData personalData;

    private String client;

    @BeforeEach
    void clientAssignedToAda() {
        client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        api.put("/api/v1/clients/" + client + "/assignments/user_ada", admin(), "{\"role\": \"lead\"}", Map.of());
    }

    @Test
    void assignedConsultantWritesAndAnUnassignedOneGets403() {
        String ada = token(tenant, "consultant", "user_ada");
        String bob = token(tenant, "consultant", "user_bob");

        Response byAda = api.put("/api/v1/clients/" + client + "/meddpicc/identified_pain", ada,
                "{\"value\": \"Slow onboarding\"}", Map.of());
        Response byBob = api.put("/api/v1/clients/" + client + "/meddpicc/metrics", bob, "{\"value\": \"NPS\"}",
                Map.of());

        assertThat(byAda.status()).isEqualTo(200);
        assertThat(byAda.text("profile/meddpicc/identified_pain")).isEqualTo("Slow onboarding");
        assertThat(byBob.status()).isEqualTo(403);
        assertThat(byBob.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/deals", bob, "{\"clientId\": \"" + client + "\", \"name\": \"X\", \"value\": 1}")
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/clients/" + client, bob).at("profile/meddpicc").has("metrics")).isFalse();
    }

    @Test
    void loggingAnInteractionAnswersTheInteractionWhereItCanBeReadAgain() {
        Response logged = api.post("/api/v1/clients/" + client + "/interactions", admin(), """
                {"type": "meeting", "subject": "Steering", "occurredAt": "2026-11-02T10:00:00Z",
                 "durationMinutes": 45}""");

        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.text("subject")).isEqualTo("Steering");
        assertThat(logged.text("clientId")).isEqualTo(client);
        assertThat(logged.header("Location")).isEqualTo("/api/v1/interactions/" + logged.text("id"));
        assertThat(api.get(logged.header("Location"), admin()).body()).isEqualTo(logged.body());
        assertThat(api.get(logged.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
        assertThat(api.delete(logged.header("Location"), admin()).status()).isEqualTo(204);
        assertThat(api.get(logged.header("Location"), admin()).status()).as("deleted").isEqualTo(404);
    }

    @Test
    void addingAStakeholderAnswersTheNewStakeholderNotTheWholeClient() {
        String id = UUID.randomUUID().toString();
        Response added = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "Ada Lovelace", "engagementLevel": "high"}""".formatted(id));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.text("id")).isEqualTo(id);
        assertThat(added.text("name")).isEqualTo("Ada Lovelace");
        assertThat(added.header("Location")).isEqualTo("/api/v1/clients/" + client + "/stakeholders/" + id);
        assertThat(api.get(added.header("Location"), admin()).body()).isEqualTo(added.body());
        assertThat(api.get("/api/v1/clients/" + client, admin()).texts("stakeholders", "id")).contains(id);
    }

    /** The same id under a second client would share the person's data key: erasing it there destroyed theirs. */
    @Test
    void aStakeholderIdOfAnotherClientsPersonIsRefusedAndTheirDataStays() {
        String other = api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}").text("profile/id");
        String id = UUID.randomUUID().toString();
        assertThat(api.post("/api/v1/clients/" + other + "/stakeholders", admin(), """
                {"id": "%s", "name": "Secret Person", "engagementLevel": "high", "notes": "confidential"}"""
                .formatted(id)).status()).isEqualTo(201);

        Response reused = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "Hijack", "engagementLevel": "low"}""".formatted(id));

        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.text("field")).isEqualTo("id");
        assertThat(api.get("/api/v1/clients/" + client, admin()).texts("stakeholders", "id")).doesNotContain(id);
        assertThat(api.get("/api/v1/clients/" + other, admin()).texts("stakeholders", "name"))
                .contains("Secret Person");
    }

    /** A refused vendor and its corrected retry at once: the key stays theirs, and no stakeholder shares it. */
    @Test
    void aVendorRefusedThenRegisteredUnderOneIdKeepsItsKeyFromAStakeholder() {
        String id = UUID.randomUUID().toString();
        Response refused = api.post("/api/v1/vendors", admin(), """
                {"id": "%s", "name": "", "email": "bad@vendor.example"}""".formatted(id));
        Response registered = api.post("/api/v1/vendors", admin(), """
                {"id": "%s", "name": "Good Vendor", "email": "good@vendor.example"}""".formatted(id));
        Response stakeholder = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "Victim", "email": "victim@client.example", "engagementLevel": "high"}"""
                .formatted(id));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(stakeholder.status()).as(stakeholder.body()).isEqualTo(409);
        assertThat(api.get("/api/v1/vendors/" + id, admin()).text("email")).isEqualTo("good@vendor.example");
    }

    /** A vendor or guest under a stakeholder's id would share their key: erasing either erased both. */
    @Test
    void noOtherKindOfPersonTakesAStakeholdersIdAndItsErasureCannotReachThem() {
        String grace = addStakeholder("Grace Hopper", "[]", "high");
        String activity = new Playbook(api, admin()).activity("Workshop");

        Response vendor = api.post("/api/v1/vendors", token(tenant, "consultant", "user_bob"), """
                {"id": "%s", "name": "Shady", "email": "v@x.example"}""".formatted(grace));
        Response guest = api.post("/api/v1/activities/" + activity + "/members", admin(), """
                {"nonUserMemberId": "%s", "name": "Shady", "email": "v@x.example"}""".formatted(grace));
        Response erasure = api.post("/api/v1/team-members/" + grace + "/erasure", admin(), null);

        assertThat(vendor.status()).as(vendor.body()).isEqualTo(409);
        assertThat(vendor.text("field")).isEqualTo("id");
        assertThat(guest.status()).as(guest.body()).isEqualTo(409);
        assertThat(guest.text("field")).isEqualTo("nonUserMemberId");
        assertThat(erasure.status()).as("a stakeholder is no team member").isEqualTo(404);
        assertThat(text(stakeholderOf(grace), "email")).isEqualTo(EMAIL);
        assertThat(text(stakeholderOf(grace), "name")).isEqualTo("Grace Hopper");
    }

    /** A different answer would tell the caller that the id is a client of another tenant. */
    @Test
    void anotherTenantsClientIdIsRefusedInTheWordsOfAnUnknownOne() {
        String theirs = api.post("/api/v1/clients", token(otherTenant, "admin"), "{\"name\": \"Theirs\"}")
                .text("profile/id");
        String unknown = UUID.randomUUID().toString();
        String body = "{\"name\": \"X\", \"engagementLevel\": \"low\"}";

        Response toTheirs = api.post("/api/v1/clients/" + theirs + "/stakeholders", admin(), body);
        Response toUnknown = api.post("/api/v1/clients/" + unknown + "/stakeholders", admin(), body);

        assertThat(toTheirs.status()).isEqualTo(404);
        assertThat(toTheirs.body().replace(theirs, "?")).isEqualTo(toUnknown.body().replace(unknown, "?"));
    }

    @Test
    void aStakeholderAddTheDomainRefusedLeavesItsIdFreeForTheCorrectedRetry() {
        String id = UUID.randomUUID().toString();
        Response refused = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "Grace", "title": "%s", "engagementLevel": "high"}"""
                .formatted(id, "x".repeat(201)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("title");
        // The key the refused add made stays (another request may be sealing under it), and is this client's.
        Response elsewhere = api.post("/api/v1/clients/" + api.post("/api/v1/clients", admin(),
                "{\"name\": \"Contoso\"}").text("profile/id") + "/stakeholders", admin(), """
                {"id": "%s", "name": "Grace", "engagementLevel": "high"}""".formatted(id));
        assertThat(elsewhere.status()).as("another client").isEqualTo(409);
        Response corrected = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "Grace", "title": "CTO", "engagementLevel": "high"}""".formatted(id));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.text("name")).isEqualTo("Grace");
    }

    /** Two adds of one new id at the same instant: one person gets it, the other add is refused. */
    @Test
    void oneNewStakeholderIdAddedToTwoClientsAtOnceGoesToOneOfThem() throws Exception {
        String other = api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}").text("profile/id");
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = UUID.randomUUID().toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> adds = Stream.of(client, other).map(target -> both.submit(() -> {
                    start.await();
                    return api.post("/api/v1/clients/" + target + "/stakeholders", admin(), """
                            {"id": "%s", "name": "Person of %s", "engagementLevel": "high"}"""
                            .formatted(id, target)).status();
                })).toList();
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> add : adds) {
                    statuses.add(add.get(60, TimeUnit.SECONDS));
                }

                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void onlyAdminsAssignConsultants() {
        Response refused = api.put("/api/v1/clients/" + client + "/assignments/user_bob",
                token(tenant, "consultant", "user_ada"), "{\"role\": \"member\"}", Map.of());

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void personalDataIsSealedInEventsAndTablesAndNeverLogged(CapturedOutput output) {
        String stakeholder = addStakeholder("Grace Hopper", "[\"economic_buyer\"]", "high");

        JsonNode read = stakeholderOf(stakeholder);
        assertThat(text(read, "email")).isEqualTo(EMAIL);
        assertThat(text(read, "phone")).isEqualTo(PHONE);
        String stored = jdbc.sql("SELECT concat(email_sealed, phone_sealed) FROM crm_stakeholder WHERE id = "
                + "CAST(:id AS uuid)").param("id", stakeholder).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(EMAIL, "grace.hopper", "0100");
        List<String> clientEvents = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = :id").param("id", client).query(String.class).list();
        assertThat(clientEvents).anyMatch(payload -> payload.contains(stakeholder))
                .noneMatch(payload -> payload.contains(EMAIL) || payload.contains(PHONE)
                        || payload.contains("grace.hopper"));
        // The whole number: four digits alone also turn up inside random ids.
        assertThat(api.get("/api/v1/timeline?entityId=" + client, admin()).body()).doesNotContain(EMAIL, PHONE);
        assertThat(output.getAll()).doesNotContain(EMAIL, "grace.hopper", PHONE, "0100 4242");
    }

    @Test
    void erasedStakeholderIsUnreadableEverywhereEvenAfterARebuild() {
        String name = "Grace " + UUID.randomUUID();
        String stakeholder = addStakeholder(name, "[\"champion\"]", "high");
        String erasure = "/api/v1/clients/" + client + "/stakeholders/" + stakeholder + "/erasure";

        assertThat(api.post(erasure, token(tenant, "consultant", "user_ada"), null).status()).isEqualTo(403);
        assertThat(api.post(erasure, token(otherTenant, "admin"), null).status()).isEqualTo(404);
        assertThat(api.post(erasure, admin(), null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/projections/crm/rebuild", operator(), null).status()).isEqualTo(202);
        await("crm caught up").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/admin/projections/crm", admin()).number("lag") == 0);

        JsonNode read = stakeholderOf(stakeholder);
        assertThat(read.get("erasedAt").isNull()).isFalse();
        for (String field : List.of("name", "email", "phone", "notes")) {
            assertThat(read.get(field).isNull()).as(field).isTrue();
        }
        assertThat(text(read, "roles/0")).isEqualTo("champion");
        assertThat(api.get("/api/v1/admin/audit/events?entityId=" + client, admin()).body())
                .contains("StakeholderErasedEvent").doesNotContain(name);
        assertThat(jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), '')"
                + " FROM domain_event_entry").query(String.class).single()).doesNotContain(name, EMAIL);
        Response edit = api.put("/api/v1/clients/" + client + "/stakeholders/" + stakeholder, admin(),
                "{\"name\": \"Grace\", \"engagementLevel\": \"low\"}", Map.of());
        assertThat(edit.status()).isEqualTo(410);
    }

    @Test
    void personalDataCarriedOverFromOlderEventsIsReadableUntilTheErasure() {
        UUID person = UUID.randomUUID();
        Sealed legacy = new Sealed(person.toString(), "plain:Grace");

        assertThat(personalData.unseal(tenant, legacy)).contains("Grace");
        personalData.erase(otherTenant, person);
        assertThat(personalData.unseal(tenant, legacy)).as("another tenant's erasure of the same id").contains("Grace");
        personalData.erase(tenant, person);
        assertThat(personalData.unseal(tenant, legacy)).isEmpty();
    }

    @Test
    void malformedEmailIsRefusedBeforeAnythingIsSealed() {
        String id = UUID.randomUUID().toString();
        Response refused = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "X", "engagementLevel": "low", "email": "not-an-email", "phone": "%s"}"""
                .formatted(id, PHONE));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("email");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_key WHERE subject_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/clients/" + client, admin()).json().get("stakeholders").size()).isZero();
    }

    @Test
    void interactionsDateTheStakeholdersLastContactAndAppearNewestFirst() {
        String grace = addStakeholder("Grace", "[]", "high");
        Instant older = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant newer = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        interaction("call", "Intro", older, grace);
        interaction("meeting", "Workshop", newer, grace);

        JsonNode view = api.get("/api/v1/clients/" + client, admin()).json();

        assertThat(text(view, "interactions/0/subject")).isEqualTo("Workshop");
        assertThat(Instant.parse(text(stakeholderOf(grace), "lastContactAt"))).isEqualTo(newer);
    }

    @Test
    void healthIsComputedFromItsFiveComponentsWithHistory() {
        for (String field : List.of("metrics", "decision_criteria", "decision_process", "paper_process",
                "identified_pain", "competition")) {
            api.put("/api/v1/clients/" + client + "/meddpicc/" + field, admin(), "{\"value\": \"filled\"}", Map.of());
        }
        addStakeholder("Champion", "[\"champion\"]", "high");
        String buyer = addStakeholder("Buyer", "[\"economic_buyer\"]", "low");
        interaction("call", "Budget call", Instant.now().minus(10, ChronoUnit.DAYS), buyer);

        JsonNode health = api.get("/api/v1/clients/" + client + "/health", admin()).json();

        // 30 (6/6) + 20 (champion) + 15 (EB 10 days ago) + 20*(1 + 1/3)/2 = 13.33 + 15*80/90 = 13.33 -> 91.67 -> 92
        assertThat(number(health, "score")).isEqualTo(92);
        assertThat(text(health, "band")).isEqualTo("healthy");
        assertThat(at(health, "components/championIdentified").decimalValue()).isEqualByComparingTo("20");
        assertThat(at(health, "components/economicBuyerEngaged").decimalValue()).isEqualByComparingTo("15");
        assertThat(health.get("history").size()).isEqualTo(1);
        assertThat(number(health, "history/0/score")).isEqualTo(92);
    }

    @Test
    void clientsAreListedByScoreLowestFirst() {
        String healthier = api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}").text("profile/id");
        api.put("/api/v1/clients/" + healthier + "/meddpicc/metrics", admin(), "{\"value\": \"x\"}", Map.of());

        List<String> order = api.get("/api/v1/clients", admin()).texts("clients", "clientId");

        assertThat(order).containsExactly(client, healthier);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheClient() {
        String intruder = token(otherTenant, "admin");
        addStakeholder("Grace", "[]", "high");

        assertThat(api.get("/api/v1/clients/" + client, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/clients", intruder).json().get("clients").size()).isZero();
        assertThat(api.put("/api/v1/clients/" + client + "/meddpicc/metrics", intruder, "{\"value\": \"x\"}",
                Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/clients/" + client + "/health", intruder).status()).isEqualTo(404);
    }

    private String addStakeholder(String name, String roles, String level) {
        String id = UUID.randomUUID().toString();
        Response added = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"id": "%s", "name": "%s", "title": "CFO", "roles": %s, "engagementLevel": "%s",
                 "email": "%s", "phone": "%s", "notes": "prefers mornings"}"""
                .formatted(id, name, roles, level, EMAIL, PHONE));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return id;
    }

    private void interaction(String type, String subject, Instant at, String stakeholder) {
        Response logged = api.post("/api/v1/clients/" + client + "/interactions", admin(), """
                {"type": "%s", "subject": "%s", "occurredAt": "%s", "stakeholderIds": ["%s"]}"""
                .formatted(type, subject, at, stakeholder));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    }

    private JsonNode stakeholderOf(String id) {
        return api.get("/api/v1/clients/" + client, admin()).json().get("stakeholders").valueStream()
                .filter(node -> text(node, "id").equals(id)).findFirst().orElseThrow();
    }
}
