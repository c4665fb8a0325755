package com.firmos.rest.operations;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static com.firmos.rest.support.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.platform.processing.BulkReplay;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

class ShadowRebuildApiTest extends IntegrationTest {

    private static final String SHADOW = "/api/v1/admin/projections/planning-view/shadow";
    private static final String HUB_SHADOW = "/api/v1/admin/projections/engagements/shadow";
    private static final String TIMELINE_SHADOW = "/api/v1/admin/projections/timeline/shadow";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private BulkReplay bulk;

    @AfterEach
    void noShadowLeftBehind() {
        api.delete(SHADOW, operator());
        api.delete(HUB_SHADOW, operator());
        api.delete(TIMELINE_SHADOW, operator());
    }

    /** Each shadow's worker holds a connection while it works: the pool counts two (the shipped setting). */
    @Test
    void aThirdShadowAtOnceIsRefusedUntilOneOfTheTwoEnds() {
        assertThat(api.post(SHADOW, operator(), null).status()).isEqualTo(202);
        assertThat(api.post(HUB_SHADOW, operator(), null).status()).isEqualTo(202);

        Response third = api.post(TIMELINE_SHADOW, operator(), null);

        assertThat(third.status()).as(third.body()).isEqualTo(409);
        assertThat(third.text("code")).isEqualTo("shadow-limit-reached");
        assertThat(third.text("detail")).contains("2 shadow rebuilds are running", "engagements, planning-view",
                "firmos.projections.shadow-rebuilds");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'shadow_timeline'")
                .query(Integer.class).single()).as("nothing built for the refused one").isZero();
        assertThat(api.delete(HUB_SHADOW, operator()).status()).isEqualTo(204);
        assertThat(api.post(TIMELINE_SHADOW, operator(), null).status()).isEqualTo(202);
    }

    @Test
    void aShadowBuildsBesideTheLiveTablesReportsTheDifferenceAndSwitchesWithoutAFailedRead() throws Exception {
        Playbook playbook = new Playbook(api, admin());
        playbook.activity("Kick-off");
        playbook.activity("Discovery");
        playbook.winningMove("Own the onboarding");
        // A live table gone wrong, the way a projector bug would leave it: only a rebuild puts it right.
        jdbc.sql("UPDATE planning_activity SET title = 'tampered' WHERE organization_id = :org").param("org", tenant)
                .update();

        Response started = api.post(SHADOW, operator(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(Playbook.cardTitles(playbook.board(""))).as("the live board serves while the shadow builds")
                .containsExactly("tampered", "tampered");
        await("the shadow caught up").atMost(Duration.ofSeconds(60)).until(() -> flag(shadow(), "caughtUp"));
        JsonNode comparison = shadow();
        assertThat(flag(table(comparison, "planning_activity"), "same")).isFalse();
        assertThat(number(table(comparison, "planning_activity"), "liveRows"))
                .isEqualTo(number(table(comparison, "planning_activity"), "shadowRows"));
        assertThat(flag(table(comparison, "planning_winning_move"), "same")).isTrue();
        assertThat(number(table(comparison, "planning_winning_move"), "shadowRows"))
                .as("winning moves have a projector of their own in the group").isPositive();

        List<Integer> failures = readWhile(() -> {
            Response switched = api.post(SHADOW + "/switch", operator(), null);
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        });

        assertThat(failures).as("reads that failed during the switch").isEmpty();
        assertThat(Playbook.cardTitles(playbook.board(""))).containsExactly("Kick-off", "Discovery");
        assertThat(api.get(SHADOW, operator()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename = 'planning_activity'").query(String.class).list())
                .contains("idx_planning_activity_board", "uk_planning_activity_milestone");
        assertThat(jdbc.sql("SELECT array_to_string(reloptions, ',') FROM pg_class"
                + " WHERE oid = 'public.planning_activity'::regclass").query(String.class).single())
                .as("the shadow kept the live table's room for in-place updates").isEqualTo("fillfactor=80");
        playbook.activity("After the switch");
        assertThat(Playbook.cardTitles(playbook.board(""))).as("the live processor carries on from the shadow")
                .containsExactly("Kick-off", "Discovery", "After the switch");
    }

    /**
     * A rebuild owns its processor from its stop to its start, the index build after its pass included: a switch
     * in that time would start the processor under it and swap the tables it is indexing.
     */
    @Test
    void aShadowIsNotSwitchedInWhileItsProjectionIsBeingRebuilt() throws Exception {
        new Playbook(api, admin()).activity("Rebuilt twice");
        startTheTimelinesShadowAndAwaitItsCatchUp();
        Response during = whileARebuildOfTheTimelineBuildsItsIndexes(
                () -> api.post(TIMELINE_SHADOW + "/switch", operator(), null));

        assertThat(during.status()).as(during.body()).isEqualTo(409);
        assertThat(during.text("code")).isEqualTo("rebuild-in-progress");
        awaitRunning();
        Response after = api.post(TIMELINE_SHADOW + "/switch", operator(), null);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
    }

    /**
     * A switch-over holds its projection as a rebuild does, but replays nothing: while a reader's lock keeps it
     * waiting to swap the tables, the status does not say replaying, and a rebuild asked meanwhile is told a switch
     * holds the projection.
     */
    @Test
    void aSwitchInProgressIsNeitherShownAsAReplayNorTakenForARebuild() throws Exception {
        new Playbook(api, admin()).activity("Switched while read");
        startTheTimelinesShadowAndAwaitItsCatchUp();
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.createStatement().execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            reader.createStatement().execute("SELECT count(*) FROM public.timeline_entry");
            CompletableFuture<Response> switched = CompletableFuture.supplyAsync(
                    () -> api.post(TIMELINE_SHADOW + "/switch", operator(), null));
            await("the switch waits for the reader").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'public.timeline_entry'::regclass""")
                    .query(Integer.class).single() > 0);

            JsonNode during = api.get("/api/v1/admin/projections/timeline", operator()).json();
            Response rebuild = api.post("/api/v1/admin/projections/timeline/rebuild", operator(), null);
            reader.rollback();

            assertThat(flag(during, "replaying")).as(during.toString()).isFalse();
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(409);
            assertThat(rebuild.text("code")).isEqualTo("shadow-switch-in-progress");
            assertThat(rebuild.text("detail")).contains("switch-over of timeline");
            assertThat(switched.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        awaitRunning();
    }

    /**
     * A shadow copies the live tables' indexes: started while a rebuild has dropped the deferred ones, it would switch
     * in a timeline without them.
     */
    @Test
    void aShadowIsNotStartedWhileItsProjectionIsBeingRebuilt() throws Exception {
        new Playbook(api, admin()).activity("Copied once indexed");

        Response during = whileARebuildOfTheTimelineBuildsItsIndexes(
                () -> api.post(TIMELINE_SHADOW, operator(), null));

        assertThat(during.status()).as(during.body()).isEqualTo(409);
        assertThat(during.text("code")).isEqualTo("rebuild-in-progress");
        awaitRunning();
        assertThat(api.post(TIMELINE_SHADOW, operator(), null).status()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = :schema"
                + " AND tablename = 'timeline_entry'")
                .param("schema", api.get(TIMELINE_SHADOW, operator()).text("schema")).query(String.class).list())
                .as("the shadow's copy of the live indexes").contains("idx_timeline_entry_tenant");
    }

    /**
     * Asks {@code request} while a rebuild of the timeline is held at its index build, after its pass, with its
     * processor stopped: a writer's lock on the table keeps CREATE INDEX waiting.
     */
    private Response whileARebuildOfTheTimelineBuildsItsIndexes(Supplier<Response> request) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant requested = Instant.now();
            // The 202 comes after the rebuild dropped the timeline's indexes; its pass then runs on another thread.
            assertThat(api.post("/api/v1/admin/projections/timeline/rebuild", operator(), null).status())
                    .isEqualTo(202);
            try (Connection writer = dataSource.getConnection()) {
                writer.setAutoCommit(false);
                writer.createStatement().execute("SET LOCAL idle_in_transaction_session_timeout = 0");
                writer.createStatement().execute("LOCK TABLE timeline_entry IN ROW EXCLUSIVE MODE");
                if (timelineIndexed()) {
                    // The whole rebuild outran the lock: rebuild again.
                    writer.rollback();
                    awaitRunning();
                    continue;
                }
                await("the pass ended").atMost(Duration.ofSeconds(60)).until(() -> bulk.lastCompleted("timeline")
                        .filter(replay -> replay.at().isAfter(requested)).isPresent());
                Response answer = CompletableFuture.supplyAsync(request).get(20, TimeUnit.SECONDS);
                writer.rollback();
                return answer;
            }
        }
        throw new AssertionError("five rebuilds ended before a writer's lock could hold one");
    }

    private void startTheTimelinesShadowAndAwaitItsCatchUp() {
        assertThat(api.post(TIMELINE_SHADOW, operator(), null).status()).isEqualTo(202);
        await("the shadow caught up").atMost(Duration.ofSeconds(60))
                .until(() -> flag(api.get(TIMELINE_SHADOW, operator()).json(), "caughtUp"));
    }

    private boolean timelineIndexed() {
        return jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"
                + " AND indexname = 'idx_timeline_entry_tenant'").query(Integer.class).single() > 0;
    }

    private void awaitRunning() {
        await("the rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/timeline", operator()).json();
            return flag(status, "running") && !flag(status, "replaying");
        });
    }

    @Test
    void aShadowThatHasNotCaughtUpIsNotSwitchedAndCanBeAbandoned() {
        new Playbook(api, admin()).activity("Kick-off");

        assertThat(api.post(SHADOW + "/switch", operator(), null).status()).as("no shadow yet").isEqualTo(404);
        assertThat(api.post(SHADOW, operator(), null).status()).isEqualTo(202);
        assertThat(api.post(SHADOW, operator(), null).status()).as("one at a time").isEqualTo(409);
        Response cancelled = api.delete(SHADOW, operator());

        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'shadow_planning_view'")
                .query(Integer.class).single()).isZero();
        assertThat(api.post("/api/v1/admin/projections/fast-track/shadow", operator(), null).status()).isEqualTo(404);
        assertThat(api.post(SHADOW, token(tenant, "consultant"), null).status()).isEqualTo(403);
    }

    /** The engagement hub's group is built by three projectors, one per feature; the shadow runs them all. */
    @Test
    void aShadowOfAGroupOfSeveralProjectorsBuildsTheTablesOfEach() {
        UUID engagement = engagement();
        String project = api.post("/api/v1/engagements/" + engagement + "/projects", admin(),
                "{\"name\": \"CRM rollout\"}").text("id");
        assertThat(api.post("/api/v1/projects/" + project + "/tasks", admin(), "{\"title\": \"Map data\"}")
                .status()).isEqualTo(201);
        String conversation = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"Kick-off\"}").header("Location").replace("/api/v1/conversations/", "");
        assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", admin(),
                "{\"content\": \"Agenda attached\"}").status()).isEqualTo(201);

        assertThat(api.post(HUB_SHADOW, operator(), null).status()).isEqualTo(202);
        await("the shadow caught up").atMost(Duration.ofSeconds(60)).until(() -> flag(shadow(HUB_SHADOW), "caughtUp"));

        JsonNode comparison = shadow(HUB_SHADOW);
        assertThat(texts(comparison, "tables", "table"))
                .containsExactlyInAnyOrder("engagement", "engagement_order", "proposal", "project", "task",
                        "conversation", "conversation_message");
        for (String table : List.of("engagement", "project", "task", "conversation", "conversation_message")) {
            assertThat(number(table(comparison, table), "shadowRows")).as(table).isPositive();
            assertThat(flag(table(comparison, table), "same")).as(table).isTrue();
        }
        assertThat(api.post(HUB_SHADOW + "/switch", operator(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + project, admin()).status()).isEqualTo(200);
    }

    private JsonNode shadow() {
        return shadow(SHADOW);
    }

    private JsonNode shadow(String path) {
        Response status = api.get(path, operator());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    private static JsonNode table(JsonNode status, String name) {
        return status.get("tables").valueStream().filter(table -> text(table, "table").equals(name))
                .findFirst().orElseThrow();
    }

    /** Reads the board over and over from another thread while {@code action} runs; returns failed statuses. */
    private List<Integer> readWhile(Runnable action) throws InterruptedException {
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        String path = "/api/v1/engagements/" + jdbc.sql("SELECT engagement_id FROM planning_activity"
                + " WHERE organization_id = :org LIMIT 1").param("org", tenant).query(String.class).single()
                + "/planning-view";
        Thread reader = Thread.ofVirtual().start(() -> {
            while (reading.get()) {
                int status = api.get(path, admin()).status();
                reads.incrementAndGet();
                if (status != 200) {
                    failures.add(status);
                }
            }
        });
        // Reads keep going before, during and after the action, however fast or slow this machine runs them.
        awaitReads(reads, 10);
        action.run();
        awaitReads(reads, reads.get() + 10);
        reading.set(false);
        reader.join();
        return List.copyOf(failures);
    }

    private static void awaitReads(AtomicInteger reads, int atLeast) {
        await(atLeast + " reads done").atMost(Duration.ofSeconds(30)).until(() -> reads.get() >= atLeast);
    }
}
