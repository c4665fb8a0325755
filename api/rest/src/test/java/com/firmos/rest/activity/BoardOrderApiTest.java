package com.firmos.rest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/** Moving cards keeps every bucket numbered 0..n-1 and the cards that did not move in their order. */
class BoardOrderApiTest extends IntegrationTest {

    private Playbook playbook;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void fiveCards() {
        playbook = new Playbook(api, admin());
        for (String title : List.of("A", "B", "C", "D", "E")) {
            ids.add(playbook.activity(title));
        }
    }

    @Test
    void newCardsGoToTheEndOfTheirBucket() {
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void canMoveACardUpWithinItsBucket() {
        Response moved = playbook.move(ids.get(3), "this_quarter", 1);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.number("orderIndex")).isEqualTo(1);
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "D", "B", "C", "E");
    }

    @Test
    void canMoveACardDownWithinItsBucket() {
        playbook.move(ids.get(0), "this_quarter", 3);

        assertThat(playbook.bucket("this_quarter")).containsExactly("B", "C", "D", "A", "E");
    }

    @Test
    void movingToAnotherBucketClosesTheGapItLeaves() {
        playbook.move(ids.get(1), "later", 0);
        playbook.move(ids.get(3), "later", 0);

        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "C", "E");
        assertThat(playbook.bucket("later")).containsExactly("D", "B");
    }

    @Test
    void aPositionPastTheEndMeansTheEnd() {
        playbook.move(ids.get(0), "this_quarter", 999);

        assertThat(playbook.bucket("this_quarter")).containsExactly("B", "C", "D", "E", "A");
    }

    @Test
    void editingDetailsWithoutAPlaceKeepsTheCardWhereItIs() {
        playbook.move(ids.get(2), "next_quarter", null);

        Response edited = api.put("/api/v1/activities/" + ids.get(2), admin(), "{\"title\": \"C2\"}", Map.of());

        assertThat(edited.status()).isEqualTo(200);
        assertThat(playbook.bucket("next_quarter")).containsExactly("C2");
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "D", "E");
    }

    @Test
    void dismissingASuggestionClosesItsGap() {
        String suggestion = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "S", "status": "suggestion", "orderIndex": 2}"""
                .formatted(playbook.engagement())).text("id");
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "S", "C", "D", "E");

        api.post("/api/v1/activities/" + suggestion + "/dismissal", admin(), "{}");

        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void refusedMoveIsBadRequestAndMovesNothing() {
        Response refused = playbook.move(ids.get(0), "this_quarter", -1);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("position");
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void concurrentMovesLeaveEveryBucketDenseAndTheRestInOrder() throws Exception {
        for (String title : List.of("F", "G", "H", "I", "J")) {
            ids.add(playbook.activity(title));
        }
        List<Callable<Response>> moves = List.of(
                () -> playbook.move(ids.get(1), "later", 0),
                () -> playbook.move(ids.get(3), "later", 0),
                () -> playbook.move(ids.get(5), "this_quarter", 0),
                () -> playbook.move(ids.get(7), "later", 1),
                () -> playbook.move(ids.get(9), "this_quarter", 2),
                () -> playbook.move(ids.get(2), "next_quarter", 0),
                () -> playbook.move(ids.get(6), "next_quarter", 5),
                () -> playbook.move(ids.get(8), "this_quarter", 0));
        ExecutorService pool = Executors.newFixedThreadPool(moves.size());
        try {
            for (Future<Response> move : pool.invokeAll(moves)) {
                assertThat(move.get().status()).as(move.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> thisQuarter = playbook.bucket("this_quarter");
        List<String> nextQuarter = playbook.bucket("next_quarter");
        List<String> later = playbook.bucket("later");
        assertThat(thisQuarter.size() + nextQuarter.size() + later.size()).isEqualTo(10);
        assertThat(thisQuarter).containsSubsequence("A", "E").containsOnly("A", "E", "F", "J", "I");
        assertThat(nextQuarter).containsOnly("C", "G");
        assertThat(later).containsOnly("B", "D", "H");
    }

    @Test
    void anotherTenantCannotMoveTheCard() {
        Response refused = api.post("/api/v1/activities/" + ids.get(0) + "/move", token(otherTenant, "admin"),
                "{\"timeBucket\": \"later\"}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(playbook.bucket("this_quarter")).containsExactly("A", "B", "C", "D", "E");
    }
}
