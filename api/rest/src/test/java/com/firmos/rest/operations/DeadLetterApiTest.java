package com.firmos.rest.operations;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.platform.processing.BulkReplay;
import com.firmos.platform.projections.Projections;
import com.firmos.rest.cli.DeadLettersCommand;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.Cli;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.StatusChangesStored;

import tools.jackson.databind.JsonNode;

/**
 * A real projector made to fail: a check constraint on the planning table refuses one title, the way a bug or a
 * schema mismatch would. The failing event parks its engagement's sequence while other engagements flow on.
 */
class DeadLetterApiTest extends IntegrationTest {

    @Autowired
    private BulkReplay bulk;

    @Autowired
    private Projections projections;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore events;

    @Autowired
    private TransactionManager transactions;

    private String poison;
    private String constraint;

    @BeforeEach
    void poisonOneTitle() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        poison = "poison-" + marker;
        constraint = "refuse_" + marker;
        refuseThePoisonTitle();
    }

    private void refuseThePoisonTitle() {
        jdbc.sql("ALTER TABLE planning_activity ADD CONSTRAINT " + constraint + " CHECK (title <> '" + poison
                + "') NOT VALID").update();
    }

    @AfterEach
    void fixTheProjection() {
        jdbc.sql("ALTER TABLE planning_activity DROP CONSTRAINT IF EXISTS " + constraint).update();
    }

    @Test
    void aFailingEventParksItsSequenceWhileOtherSequencesFlow() {
        Playbook failing = new Playbook(api, admin());
        Playbook healthy = new Playbook(api, admin());

        parkedActivity(failing, poison);
        parkedActivity(failing, "Held back behind it");
        healthy.activity("Flows on");

        JsonNode sequence = poisonParkedWithItsFollower(failing, healthy);
        assertThat(api.get("/api/v1/admin/projections/planning-view", admin()).number("parkedSequences")).isPositive();
    }

    @Test
    void aRetryDrainsTheSequenceOnceTheProjectionIsFixed() {
        Playbook failing = new Playbook(api, admin());
        parkedActivity(failing, poison);
        parkedActivity(failing, "Held back behind it");
        String sequence = text(parked(failing), "sequence");

        JsonNode stillBroken = retry(sequence);
        assertThat(stillBroken.get("drained")).isEmpty();
        assertThat(at(stillBroken, "stillParked/0/letters").size()).isEqualTo(2);
        fixTheProjection();
        JsonNode fixed = retry(sequence);

        assertThat(text(fixed, "drained/0")).isEqualTo(sequence);
        assertThat(failing.bucket("this_quarter")).containsExactly(poison, "Held back behind it");
        assertThat(deadLetters(admin())).isEmpty();
    }

    @Test
    void anEvictedEventIsNeverAppliedAndTheRestOfItsSequenceGoesOn() {
        Playbook failing = new Playbook(api, admin());
        parkedActivity(failing, poison);
        parkedActivity(failing, "Held back behind it");
        JsonNode sequence = parked(failing);
        String poisonEvent = text(sequence, "letters/0/eventId");

        Response evicted = api.delete("/api/v1/admin/dead-letters/planning-view/letters/" + poisonEvent, admin());
        assertThat(evicted.status()).as(evicted.body()).isEqualTo(204);
        assertThat(parked(failing).get("letters").size()).isEqualTo(1);
        retry(text(sequence, "sequence"));

        assertThat(failing.bucket("this_quarter")).containsExactly("Held back behind it");
        assertThat(deadLetters(admin())).isEmpty();
    }

    @Test
    void anAdminSeesAndHandlesOnlyTheirOwnTenantsDeadLetters() {
        Playbook failing = new Playbook(api, admin());
        parkedActivity(failing, poison);
        JsonNode sequence = parked(failing);
        String stranger = token(otherTenant, "admin");
        String eventId = text(sequence, "letters/0/eventId");

        assertThat(deadLetters(stranger)).isEmpty();
        assertThat(api.post("/api/v1/admin/dead-letters/planning-view/sequences/" + text(sequence, "sequence")
                + "/retry", stranger, null).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/dead-letters/planning-view/letters/" + eventId, stranger).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/dead-letters", token(tenant, "consultant")).status()).isEqualTo(403);
        assertThat(parked(failing).get("letters").size()).isEqualTo(1);
    }

    @Test
    void theCommandListsAndRetriesWithProgress() {
        Playbook failing = new Playbook(api, admin());
        parkedActivity(failing, poison);
        String sequence = text(parked(failing), "sequence");

        Cli.Output listed = command("list", "planning-view");
        fixTheProjection();
        Cli.Output retried = command("retry", "planning-view");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("sequence " + sequence, "ActivityCreatedEvent", constraint);
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("[1/1] " + sequence + " drained", "1 of 1 sequence(s) drained");
        assertThat(failing.bucket("this_quarter")).containsExactly(poison);
    }

    @Test
    void aRebuildParksAFailingEventWithItsSequenceAndAppliesEveryOtherEvent() {
        fixTheProjection();
        Playbook failing = new Playbook(api, admin());
        Playbook healthy = new Playbook(api, admin());
        failing.activity(poison);
        failing.activity("Held back behind it");
        healthy.activity("Flows on");
        refuseThePoisonTitle();

        Instant requested = Instant.now();
        Response started = api.post("/api/v1/admin/projections/planning-view/rebuild", operator(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await("the rebuild finished").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/planning-view", admin()).json();
            return !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
        });

        JsonNode sequence = poisonParkedWithItsFollower(failing, healthy);
        // Parked by the bulk replay's careful run of the failed batch, not by the processor after it.
        assertThat(bulk.lastCompleted("planning-view")).hasValueSatisfying(replay -> {
            assertThat(replay.at()).isAfter(requested);
            assertThat(replay.parked()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aCatchUpParksTheEventsOfASequenceParkedBeforeIt() {
        Playbook failing = new Playbook(api, admin());
        UUID before = UUID.fromString(failing.activity("Applied before the poison"));
        parkedActivity(failing, poison);
        StreamingEventProcessor planning = processing.eventProcessor("planning-view", StreamingEventProcessor.class)
                .orElseThrow();
        int changes = 301;
        new StatusChangesStored(events, transactions).storeWhileStopped(planning, tenant, before,
                failing.engagement(), changes);
        Instant requested = Instant.now();

        assertThat(projections.catchUpInBulk(changes / 3)).as("the board's processor stood far behind").isTrue();
        await("the catch-up finished").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/planning-view", admin()).json();
            return !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
        });

        // Behind the poison in its engagement's sequence: each parked once (by the processor before the catch-up
        // took over, or by the catch-up), in order, none applied to the card.
        assertThat(bulk.lastCompleted("planning-view")).hasValueSatisfying(replay -> {
            assertThat(replay.at()).isAfter(requested);
            assertThat(replay.parked()).isPositive();
        });
        assertThat(failing.card(before.toString()).get("status").asString()).isEqualTo("planned");
        assertThat(parked(failing).get("letters").size()).isEqualTo(1 + changes);
    }

    /** The healthy engagement's card shows; the failing one's two creations are parked in order, poison first. */
    private JsonNode poisonParkedWithItsFollower(Playbook failing, Playbook healthy) {
        assertThat(healthy.bucket("this_quarter")).containsExactly("Flows on");
        assertThat(failing.bucket("this_quarter")).isEmpty();
        JsonNode sequence = parked(failing);
        assertThat(sequence.get("letters").findValues("eventType").stream().map(JsonNode::asString))
                .containsExactly("ActivityCreatedEvent", "ActivityCreatedEvent");
        assertThat(text(sequence, "letters/0/causeMessage")).contains(constraint);
        return sequence;
    }

    /** The write stands although the board cannot show it: 202 with the new activity's id, not a 404. */
    private void parkedActivity(Playbook playbook, String title) {
        Response created = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "%s"}""".formatted(playbook.engagement(), title));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.text("id")).isNotBlank();
    }

    private JsonNode parked(Playbook playbook) {
        List<JsonNode> sequences = deadLetters(admin()).stream()
                .filter(sequence -> text(sequence, "sequence").endsWith(playbook.engagement().toString()))
                .toList();
        assertThat(sequences).as("the engagement's parked sequence").hasSize(1);
        assertThat(text(sequences.getFirst(), "processor")).isEqualTo("planning-view");
        return sequences.getFirst();
    }

    private List<JsonNode> deadLetters(String token) {
        Response listed = api.get("/api/v1/admin/dead-letters", token);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().valueStream().toList();
    }

    private JsonNode retry(String sequence) {
        Response retried = api.post("/api/v1/admin/dead-letters/planning-view/sequences/" + sequence + "/retry",
                admin(), null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        return retried.json();
    }

    private Cli.Output command(String... words) {
        String[] args = Stream.concat(Arrays.stream(words), Stream.of("--url", baseUrl(), "--token", admin()))
                .toArray(String[]::new);
        return Cli.run((out, err) -> DeadLettersCommand.run(args, out, err));
    }
}
