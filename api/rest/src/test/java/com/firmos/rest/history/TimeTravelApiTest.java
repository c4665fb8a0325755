package com.firmos.rest.history;

import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

/** A hand-built history with known moments between its events, read back as it stood at each of them. */
class TimeTravelApiTest extends IntegrationTest {

    @Test
    void theBoardAsOfAPastMomentShowsWhatItShowedThen() {
        Playbook playbook = new Playbook(api, admin());
        String kickOff = playbook.activity("Kick-off");
        Instant afterKickOff = moment();
        playbook.activity("Discovery");
        api.post("/api/v1/activities/" + kickOff + "/status", admin(), "{\"status\": \"in_progress\"}");
        List<Map<String, Object>> liveRows = liveActivities();

        JsonNode then = board(playbook, afterKickOff);

        assertThat(Playbook.cardTitles(then)).containsExactly("Kick-off");
        assertThat(then.findValues("status").stream().map(JsonNode::asString)).containsExactly("planned");
        assertThat(Playbook.cardTitles(board(playbook, null))).containsExactly("Kick-off", "Discovery");
        assertThat(liveActivities()).as("the live table is untouched").isEqualTo(liveRows);
    }

    /** Winning moves have a projector of their own; the cards of a past board show them as they stood. */
    @Test
    void theBoardAsOfAPastMomentShowsTheWinningMovesOfItsCardsAsTheyStoodThen() {
        Playbook playbook = new Playbook(api, admin());
        String kickOff = playbook.activity("Kick-off");
        String move = playbook.winningMove("Own the onboarding");
        assertThat(playbook.link(kickOff, move).status()).isEqualTo(200);
        Instant linked = moment();
        api.put("/api/v1/winning-moves/" + move, admin(), "{\"title\": \"Own the renewal\"}", Map.of());

        JsonNode then = board(playbook, linked).findValue("winningMoves").get(0);

        assertThat(text(then, "title")).isEqualTo("Own the onboarding");
        assertThat(text(then, "status")).isEqualTo("active");
        assertThat(text(playbook.card(kickOff), "winningMoves/0/title")).isEqualTo("Own the renewal");
    }

    @Test
    void thePipelineAsOfAPastMomentHasTheStagesOfThen() {
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        String deal = api.post("/api/v1/deals", admin(), """
                {"clientId": "%s", "name": "Platform", "value": 1000}""".formatted(client)).text("id");
        Instant asLead = moment();
        Response moved = api.post("/api/v1/deals/" + deal + "/stage", admin(), "{\"stage\": \"qualified\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode then = api.get("/api/v1/pipeline?asOf=" + asLead, admin()).json();
        JsonNode now = api.get("/api/v1/pipeline", admin()).json();

        assertThat(stageCount(then, "lead")).isEqualTo(1);
        assertThat(stageCount(then, "qualified")).isZero();
        assertThat(stageCount(now, "qualified")).isEqualTo(1);
    }

    @Test
    void theHealthListAsOfAPastMomentHasOnlyTheClientsOfThen() {
        api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}");
        Instant beforeContoso = moment();
        api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}");

        JsonNode then = api.get("/api/v1/clients?asOf=" + beforeContoso, admin()).json();

        assertThat(then.get("clients").findValues("name").stream().map(JsonNode::asString))
                .containsExactly("Northwind");
        assertThat(api.get("/api/v1/clients", admin()).json().get("clients").size()).isEqualTo(2);
    }

    @Test
    void anAggregateIsRebuiltAtAnyVersionOrMoment() {
        String activity = new Playbook(api, admin()).activity("Kick-off");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");
        Instant started = moment();
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"done\"}");

        JsonNode created = aggregate(activity, "?version=0");
        JsonNode atStart = aggregate(activity, "?at=" + started);
        JsonNode latest = aggregate(activity, "");

        assertThat(text(created, "aggregateType")).isEqualTo("Activity");
        assertThat(text(created, "state/lifecycle")).isEqualTo("PLANNED");
        assertThat(number(atStart, "version")).isEqualTo(1);
        assertThat(text(atStart, "state/lifecycle")).isEqualTo("IN_PROGRESS");
        assertThat(text(latest, "state/lifecycle")).isEqualTo("DONE");
        assertThat(text(latest, "state/details/title")).isEqualTo("Kick-off");
    }

    @Test
    void timeTravelStaysInTheTenantAndInThePast() {
        String activity = new Playbook(api, admin()).activity("Kick-off");

        assertThat(api.get("/api/v1/admin/aggregates/" + activity, token(otherTenant, "admin")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/aggregates/" + activity, token(tenant, "consultant")).status())
                .isEqualTo(403);
        Response future = api.get("/api/v1/pipeline?asOf=" + Instant.now().plusSeconds(3600), admin());
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("field")).isEqualTo("asOf");
        assertThat(api.get("/api/v1/admin/aggregates/" + activity + "?version=-1", admin()).status()).isEqualTo(400);
    }

    /**
     * A moment strictly between the events before and after it. The event store keeps timestamps to the millisecond,
     * so the moment is a millisecond after the last event's and the clock is past its millisecond before the next.
     */
    private static Instant moment() {
        Instant moment = nextMillisecond(Instant.now());
        nextMillisecond(moment);
        return moment;
    }

    /** The first millisecond the clock reaches after the one of {@code instant}. */
    private static Instant nextMillisecond(Instant instant) {
        Instant millisecond = instant.truncatedTo(ChronoUnit.MILLIS);
        return await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS), millisecond::isBefore);
    }

    private JsonNode board(Playbook playbook, Instant asOf) {
        Response board = api.get("/api/v1/engagements/" + playbook.engagement() + "/planning-view"
                + (asOf == null ? "" : "?asOf=" + asOf), admin());
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        return board.json();
    }

    private JsonNode aggregate(String id, String query) {
        Response state = api.get("/api/v1/admin/aggregates/" + id + query, admin());
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        return state.json();
    }

    private static long stageCount(JsonNode pipeline, String stage) {
        return pipeline.get("stages").valueStream().filter(node -> text(node, "stage").equals(stage))
                .findFirst().map(node -> number(node, "count")).orElseThrow();
    }

    private List<Map<String, Object>> liveActivities() {
        return jdbc.sql("SELECT * FROM planning_activity WHERE organization_id = :org ORDER BY id")
                .param("org", tenant).query().listOfRows();
    }
}
