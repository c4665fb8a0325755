package com.firmos.rest.activity;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

class WinningMoveApiTest extends IntegrationTest {

    private Playbook playbook;
    private String move;

    @BeforeEach
    void oneMove() {
        playbook = new Playbook(api, admin());
        move = playbook.winningMove("Own the onboarding");
    }

    @Test
    void canCreateAndReadAWinningMove() {
        Response read = api.get("/api/v1/winning-moves/" + move, admin());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.text("status")).isEqualTo("active");
        assertThat(read.text("sourcePhase")).isEqualTo("align");
    }

    @Test
    void winningMoveViewShowsActivitiesAndTheShareOfCompletedContributions() {
        String first = playbook.activity("Pilot");
        String second = playbook.activity("Interviews");
        playbook.link(first, move);
        playbook.link(second, move);

        Response completed = api.post("/api/v1/activities/" + second + "/winning-moves/" + move + "/completion",
                admin(), null);

        assertThat(completed.status()).isEqualTo(200);
        JsonNode link = completed.at("winningMoves/0");
        assertThat(text(link, "title")).isEqualTo("Own the onboarding");
        assertThat(flag(link, "completed")).isTrue();
        JsonNode view = api.get("/api/v1/engagements/" + playbook.engagement() + "/winning-moves", admin())
                .at("winningMoves/0");
        assertThat(view.get("activities").size()).isEqualTo(2);
        assertThat(view.get("completedShare").asDouble()).isEqualTo(0.5);
    }

    @Test
    void boardFiltersByWinningMove() {
        String linked = playbook.activity("Linked");
        playbook.activity("Not linked");
        playbook.link(linked, move);

        assertThat(Playbook.cardTitles(playbook.board("?winningMove=" + move))).containsExactly("Linked");
    }

    @Test
    void aLinkIsUnique() {
        String activity = playbook.activity("Pilot");
        playbook.link(activity, move);

        Response again = playbook.link(activity, move);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("already-exists");
    }

    @Test
    void anArchivedMoveTakesNoLinks() {
        String activity = playbook.activity("Pilot");
        api.post("/api/v1/winning-moves/" + move + "/status", admin(), "{\"status\": \"archived\"}");

        Response refused = playbook.link(activity, move);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("field")).isEqualTo("winningMoveId");
        assertThat(playbook.card(activity).get("winningMoves").size()).isZero();
    }

    @Test
    void aMoveOfAnotherEngagementTakesNoLinks() {
        String elsewhere = new Playbook(api, admin()).activity("Elsewhere");

        Response refused = playbook.link(elsewhere, move);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("winningMoveId");
    }

    @Test
    void canUnlink() {
        String activity = playbook.activity("Pilot");
        playbook.link(activity, move);

        Response unlinked = api.send("DELETE", "/api/v1/activities/" + activity + "/winning-moves/" + move, admin(),
                null, Map.of());

        assertThat(unlinked.json().get("winningMoves").size()).isZero();
        assertThat(timelineTypes(admin(), activity)).contains("winning_move_linked", "winning_move_unlinked");
    }

    @Test
    void canAchieveArchiveAndReactivate() {
        assertThat(status("achieved").text("status")).isEqualTo("achieved");
        assertThat(status("archived").text("status")).isEqualTo("archived");
        assertThat(status("active").text("status")).isEqualTo("active");
        Response refused = status("active");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("invalid-transition");
    }

    @Test
    void editsAreVersioned() {
        Response edited = api.put("/api/v1/winning-moves/" + move, admin(), "{\"title\": \"Own onboarding\"}",
                Map.of("If-Match", "\"0\""));
        Response stale = api.put("/api/v1/winning-moves/" + move, admin(), "{\"title\": \"Stale\"}",
                Map.of("If-Match", "\"0\""));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("title")).isEqualTo("Own onboarding");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void cardShowsTheMovesCurrentTitleAndStatus() {
        String activity = playbook.activity("Pilot");
        playbook.link(activity, move);
        api.put("/api/v1/winning-moves/" + move, admin(), "{\"title\": \"Renamed\"}", Map.of());
        status("achieved");

        JsonNode link = at(playbook.card(activity), "winningMoves/0");
        assertThat(text(link, "title")).isEqualTo("Renamed");
        assertThat(text(link, "status")).isEqualTo("achieved");
    }

    @Test
    void anotherTenantNeitherSeesNorLinksTheMove() {
        String intruder = token(otherTenant, "admin");
        String theirActivity = new Playbook(api, intruder).activity("Theirs");

        assertThat(api.get("/api/v1/winning-moves/" + move, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + playbook.engagement() + "/winning-moves", intruder).status())
                .as("another tenant's engagement is not found").isEqualTo(404);
        assertThat(api.post("/api/v1/activities/" + theirActivity + "/winning-moves", intruder,
                "{\"winningMoveId\": \"" + move + "\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/winning-moves/" + move + "/status", intruder, "{\"status\": \"archived\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void missingTitleIsRefused() {
        Response refused = api.post("/api/v1/winning-moves", admin(),
                "{\"engagementId\": \"" + playbook.engagement() + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("title");
    }

    private Response status(String status) {
        return api.post("/api/v1/winning-moves/" + move + "/status", admin(), "{\"status\": \"" + status + "\"}");
    }
}
