package com.firmos.rest.operations;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.platform.processing.BulkReplay;
import com.firmos.platform.processing.ForegroundReads;
import com.firmos.platform.projections.Projections;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.StatusChangesStored;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

class ProjectionRebuildApiTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private Projections projections;

    @Autowired
    private BulkReplay bulk;

    @Autowired
    private ForegroundReads foreground;

    @Autowired
    private EventStore events;

    @Autowired
    private TransactionManager transactions;

    @Autowired
    private DataSource dataSource;

    @Test
    void aRebuildGivesTheSameRowsAsTheLiveProjection() {
        Playbook playbook = new Playbook(api, admin());
        String first = playbook.activity("Kick-off");
        playbook.activity("Discovery");
        playbook.move(first, "next_quarter", 0);
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        String engagement = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client + "\"}").text("id");
        String invoice = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": 2.5, "unitPrice": 149.99}]}"""
                .formatted(client, engagement, LocalDate.now().plusDays(30))).text("id");
        api.post("/api/v1/invoices/" + invoice + "/issue", admin(), null);
        List<Map<String, Object>> activities = rows("planning_activity");
        List<Map<String, Object>> invoices = rows("invoice");
        // Rows changed behind the projection's back: only a real replay puts them right again.
        jdbc.sql("UPDATE planning_activity SET title = 'tampered' WHERE organization_id = :org").param("org", tenant)
                .update();
        jdbc.sql("UPDATE invoice SET total = 0 WHERE organization_id = :org").param("org", tenant).update();

        Instant requested = Instant.now();
        for (String processor : List.of("planning-view", "revenue")) {
            Response started = api.post("/api/v1/admin/projections/" + processor + "/rebuild", operator(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }

        await("the rebuilds finished").atMost(Duration.ofSeconds(60))
                .until(() -> caughtUp("planning-view") && caughtUp("revenue"));
        assertThat(activities).hasSize(2);
        assertThat(rows("planning_activity")).isEqualTo(activities);
        assertThat(rows("invoice")).isEqualTo(invoices);
        for (String processor : List.of("planning-view", "revenue")) {
            assertThat(bulk.lastCompleted(processor)).as(processor + " replayed in bulk, not by its processor")
                    .hasValueSatisfying(replay -> {
                        assertThat(replay.at()).isAfter(requested);
                        assertThat(replay.applied()).isPositive();
                    });
        }
    }

    /**
     * A writer's lock on the timeline's table holds the rebuild at its last step, building the indexes it dropped
     * (a minute at a million entries): all that time it says it is replaying, and only once its processor runs
     * again does it say otherwise, when another rebuild is taken.
     */
    @Test
    void aRebuildSaysItIsReplayingUntilItsIndexesAreBuiltAndItsProcessorRunsAgain() throws Exception {
        new Playbook(api, admin()).activity("Indexed again");
        Instant requested = Instant.now();
        Response started = api.post("/api/v1/admin/projections/timeline/rebuild", operator(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        List<String> claimedCaughtUpWhileStopped = new ArrayList<>();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            writer.createStatement().execute("LOCK TABLE timeline_entry IN ROW EXCLUSIVE MODE");
            await("the pass ended").atMost(Duration.ofSeconds(60)).until(() -> bulk.lastCompleted("timeline")
                    .filter(replay -> replay.at().isAfter(requested)).isPresent());
            for (int poll = 0; poll < 10; poll++) {
                JsonNode status = api.get("/api/v1/admin/projections/timeline", operator()).json();
                if (!flag(status, "replaying") && !flag(status, "running")) {
                    claimedCaughtUpWhileStopped.add(status.toString());
                }
                Thread.sleep(50);
            }
            writer.rollback();
        }

        assertThat(claimedCaughtUpWhileStopped).as("statuses neither replaying nor running").isEmpty();
        await("the rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("timeline"));
        assertThat(flag(api.get("/api/v1/admin/projections/timeline", operator()).json(), "running")).isTrue();
        Response again = api.post("/api/v1/admin/projections/timeline/rebuild", operator(), null);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        await("the second rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("timeline"));
    }

    @Test
    void aProjectionFarBehindTheHeadCatchesUpInBulk() {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Far behind"));
        int changes = 301;
        long last = storedWhileStopped("planning-view", playbook, activity, changes);

        Instant requested = Instant.now();
        assertThat(projections.catchUpInBulk(changes / 3)).as("a projection stood far behind").isTrue();
        await("the catch-up finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("planning-view"));

        JsonNode card = playbook.card(activity.toString());
        assertThat(card.get("status").asString()).isEqualTo("in_progress");
        assertThat(card.get("version").asString()).isEqualTo(Long.toString(last));
        long lastIndex = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", activity.toString()).query(Long.class).single();
        assertThat(bulk.lastCompleted("planning-view")).as("caught up in bulk, not by the processor")
                .hasValueSatisfying(replay -> {
                    assertThat(replay.at()).isAfter(requested);
                    assertThat(replay.reached()).isGreaterThanOrEqualTo(lastIndex);
                });
    }

    @Test
    void aCatchUpWaitsForTheReadsRunningOnTheNodeAndARebuildDoesNot() {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Behind a long read"));
        int changes = 301;
        storedWhileStopped("planning-view", playbook, activity, changes);

        // A read that runs throughout: each batch of the catch-up waits its whole pause (250 ms) before it starts.
        try (ForegroundReads.Read read = foreground.enter()) {
            assertThat(projections.catchUpInBulk(changes / 3)).as("a projection stood far behind").isTrue();
            await("the catch-up finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("planning-view"));
            assertThat(bulk.lastCompleted("planning-view")).hasValueSatisfying(caughtUp -> assertThat(
                    caughtUp.yielded()).isGreaterThanOrEqualTo(Duration.ofMillis(250)));

            Instant asked = Instant.now();
            assertThat(api.post("/api/v1/admin/projections/planning-view/rebuild", operator(), null).status())
                    .isEqualTo(202);
            await("the rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("planning-view")
                    && bulk.lastCompleted("planning-view").filter(last -> last.at().isAfter(asked)).isPresent());
            assertThat(bulk.lastCompleted("planning-view")).hasValueSatisfying(rebuilt -> assertThat(
                    rebuilt.yielded()).as("an operator's rebuild does not wait").isZero());
        }
        assertThat(playbook.card(activity.toString()).get("status").asString()).isEqualTo("in_progress");
    }

    @Test
    void anOperatorSeesSegmentsOwnersHeadAndLag() {
        new Playbook(api, admin()).activity("Kick-off");

        JsonNode timeline = api.get("/api/v1/admin/projections/timeline", operator()).json();

        assertThat(flag(timeline, "running")).isTrue();
        assertThat(timeline.get("segments").size()).isEqualTo(4);
        assertThat(text(timeline, "segments/0/owner")).isNotBlank();
        assertThat(number(timeline, "head")).isPositive();
        assertThat(number(timeline, "lag")).isZero();
    }

    @Test
    void aTenantAdminSeesOnlyItsOwnLagWithoutHeadNodesOrPositions() {
        new Playbook(api, admin()).activity("Kick-off");

        Response timeline = api.get("/api/v1/admin/projections/timeline", admin());
        Response all = api.get("/api/v1/admin/projections", admin());

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.number("lag")).isZero();
        assertThat(timeline.json().has("head")).isFalse();
        assertThat(timeline.json().has("segments")).isFalse();
        assertThat(all.body()).doesNotContain("\"head\"", "\"segments\"", "\"owner\"");
        assertThat(all.json().findValues("name").stream().map(JsonNode::asString).toList())
                .contains("planning-view", "timeline");
    }

    @Test
    void aTenantAdminsLagCountsOnlyItsOwnEventsBehindEachProjection() {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Behind"));
        Playbook others = new Playbook(api, token(otherTenant, "admin"));
        UUID theirs = UUID.fromString(others.activity("Theirs"));
        StatusChangesStored stored = new StatusChangesStored(events, transactions);
        StreamingEventProcessor planning = processor("planning-view");
        planning.shutDown();
        try {
            stored.store(tenant, activity, playbook.engagement(), 3);
            stored.store(otherTenant, theirs, others.engagement(), 4);
            await("the timeline caught up").atMost(Duration.ofSeconds(30)).until(() -> number(
                    api.get("/api/v1/admin/projections/timeline", operator()).json(), "lag") == 0);

            Map<String, Long> ours = lags(admin());
            Map<String, Long> theirLags = lags(token(otherTenant, "admin"));

            // A stopped processor resumes from its stored tokens: every event of the tenant's stands behind it.
            assertThat(ours).containsEntry("planning-view", tenantEvents(tenant)).containsEntry("timeline", 0L);
            assertThat(theirLags).containsEntry("planning-view", tenantEvents(otherTenant))
                    .containsEntry("timeline", 0L);
            assertThat(tenantEvents(tenant)).isNotEqualTo(tenantEvents(otherTenant));
            assertThat(number(api.get("/api/v1/admin/projections/planning-view", admin()).json(), "lag"))
                    .isEqualTo(tenantEvents(tenant));
        } finally {
            planning.start();
        }
    }

    private Map<String, Long> lags(String token) {
        return api.get("/api/v1/admin/projections", token).json().valueStream().collect(Collectors.toMap(
                status -> status.get("name").asString(), status -> status.get("lag").asLong()));
    }

    private long tenantEvents(String organizationId) {
        return jdbc.sql("SELECT count(*) FROM event_chain WHERE organization_id = :org").param("org", organizationId)
                .query(Long.class).single();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    @Test
    void processorsThatActOnEventsCannotBeReplayed() {
        Response refused = api.post("/api/v1/admin/projections/invoice-drafting/rebuild", operator(), null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/admin/projections", operator()).json().findValues("name").stream()
                .map(JsonNode::asString).toList()).contains("planning-view", "crm", "fast-track", "invoice-drafting");
    }

    @Test
    void onlyOperatorsRebuildShadowOrSwitchProjections() {
        String name = "timeline";
        for (String token : List.of(admin(), token(tenant, "consultant"), token(tenant, "viewer"))) {
            assertThat(api.post("/api/v1/admin/projections/rebuild", token, null).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/admin/projections/" + name + "/rebuild", token, null).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/admin/projections/" + name + "/shadow", token, null).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/admin/projections/" + name + "/shadow/switch", token, null).status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/admin/projections/" + name + "/shadow", token).status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/admin/projections/" + name + "/shadow", token).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/admin/projections", token(tenant, "consultant")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections/nothing", admin()).status()).isEqualTo(404);
    }

    @Test
    void anOperatorWithoutATenantRebuildsWithAnIdempotencyKeyAndReadsTheFullStatus() {
        String operator = operatorOfNoTenant();

        Response rebuild = api.send("POST", "/api/v1/admin/projections/relations/rebuild", operator, null,
                Map.of("Idempotency-Key", "rebuild-" + UUID.randomUUID()));

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(api.get("/api/v1/admin/projections/relations", operator).json().has("segments")).isTrue();
        assertThat(api.get("/api/v1/clients", operator).status()).isEqualTo(403);
    }

    @Test
    void anOperatorReadsNoTenantsData() {
        UUID engagement = engagement();

        assertThat(api.get("/api/v1/engagements/" + engagement, operator()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/clients", operator()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/dead-letters", operator()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/engagements", operator(), "{\"clientId\": \"" + UUID.randomUUID()
                + "\", \"name\": \"x\"}").status()).isEqualTo(403);
    }

    @Test
    void aRebuildOfTheTimelineGivesTheSameEntriesAndIndexesAsTheLiveProjection() {
        Playbook playbook = new Playbook(api, admin());
        String first = playbook.activity("Kick-off");
        playbook.activity("Discovery");
        playbook.move(first, "next_quarter", 0);
        api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}");
        List<Map<String, Object>> entries = timeline();
        List<String> indexes = timelineIndexes();

        Response started = api.post("/api/v1/admin/projections/timeline/rebuild", operator(), null);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await("the rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("timeline"));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(4);
        assertThat(timeline()).isEqualTo(entries);
        // The page indexes were dropped for the replay and built again: the same definitions as the migrations'.
        assertThat(timelineIndexes()).hasSize(5).isEqualTo(indexes);
    }

    @Test
    void aNodeStartingAfterAStoppedRebuildBuildsTheIndexesItLeftUnbuilt() {
        jdbc.sql("DROP INDEX idx_timeline_entry_actor").update();

        projections.createMissingIndexes();

        assertThat(timelineIndexes()).anyMatch(index -> index.startsWith("CREATE INDEX idx_timeline_entry_actor"));
    }

    /**
     * A node stopped mid-rebuild starts its processors, and may catch up in bulk, before it builds the event key the
     * rebuild dropped: the timeline still takes each event once, live and in a catch-up's batches.
     */
    @Test
    void withoutItsEventKeyTheTimelineStillTakesEachEventOnceLiveAndCatchingUp() {
        jdbc.sql("DROP INDEX uk_timeline_entry_event").update();
        try {
            Playbook playbook = new Playbook(api, admin());
            UUID activity = UUID.fromString(playbook.activity("Before the key is back"));
            await("the live entry").atMost(Duration.ofSeconds(30)).until(() -> entriesOf(activity) > 0);
            long live = entriesOf(activity);
            int changes = 301;
            storedWhileStopped("timeline", playbook, activity, changes);

            assertThat(projections.catchUpInBulk(changes / 3)).as("the timeline stood far behind").isTrue();
            await("the catch-up finished").atMost(Duration.ofSeconds(60)).until(() -> caughtUp("timeline"));

            assertThat(entriesOf(activity)).isEqualTo(live + changes);
            assertThat(api.get("/api/v1/admin/dead-letters", admin()).json().size()).as("parked").isZero();
        } finally {
            projections.createMissingIndexes();
        }
        assertThat(timelineIndexes())
                .anyMatch(index -> index.startsWith("CREATE UNIQUE INDEX uk_timeline_entry_event"));
    }

    private long entriesOf(UUID activity) {
        return jdbc.sql("SELECT count(*) FROM timeline_entry WHERE organization_id = :org AND entity_id = :id")
                .param("org", tenant).param("id", activity.toString()).query(Long.class).single();
    }

    private List<Map<String, Object>> timeline() {
        return jdbc.sql("SELECT * FROM timeline_entry WHERE organization_id = :org ORDER BY event_id")
                .param("org", tenant).query().listOfRows();
    }

    private List<String> timelineIndexes() {
        return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'timeline_entry' ORDER BY indexname")
                .query(String.class).list();
    }

    /** Stores the activity's status changes while the processor is stopped; answers the last sequence. */
    private long storedWhileStopped(String processor, Playbook playbook, UUID activity, int changes) {
        StreamingEventProcessor stopped = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow();
        return new StatusChangesStored(events, transactions).storeWhileStopped(stopped, tenant, activity,
                playbook.engagement(), changes);
    }

    private boolean caughtUp(String processor) {
        JsonNode status = api.get("/api/v1/admin/projections/" + processor, admin()).json();
        return !flag(status, "replaying") && number(status, "lag") == 0;
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE organization_id = :org ORDER BY id")
                .param("org", tenant).query().listOfRows();
    }
}
