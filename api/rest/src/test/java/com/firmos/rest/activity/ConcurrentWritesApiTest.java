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
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/** Concurrent writes to one activity never lose or overwrite: one wins, the stale ones get 409. */
class ConcurrentWritesApiTest extends IntegrationTest {

    @Test
    void staleIfMatchIsConflictAndChangesNothing() {
        String id = create();
        api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"in_progress\"}");

        Response stale = api.put("/api/v1/activities/" + id, admin(), "{\"title\": \"Overwrite\"}",
                Map.of("If-Match", "\"0\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.text("type")).isEqualTo("urn:firmos:problem:stale-version");
        assertThat(stale.text("code")).isEqualTo("stale-version");
        assertThat(stale.text("field")).isEqualTo("If-Match");
        assertThat(api.get("/api/v1/activities/" + id, admin()).text("title")).isEqualTo("Contested");
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void ifMatchStarTakesAnyVersionAndAWeakTagNamesItsVersion() {
        String id = create();
        api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"in_progress\"}");

        Response any = api.put("/api/v1/activities/" + id, admin(), "{\"title\": \"Any\"}", Map.of("If-Match", "*"));
        Response weak = api.put("/api/v1/activities/" + id, admin(), "{\"title\": \"Weak\"}",
                Map.of("If-Match", "W/" + any.header("ETag")));

        assertThat(any.status()).isEqualTo(200);
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchNamingAVersionNotYetReachedIsConflict() {
        String id = create();

        Response ahead = api.put("/api/v1/activities/" + id, admin(), "{\"title\": \"From the future\"}",
                Map.of("If-Match", "\"5\""));

        assertThat(ahead.status()).isEqualTo(409);
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void concurrentWritersWithTheSameVersionGetOneSuccessAndConflictsOtherwise() throws Exception {
        String id = create();

        List<Integer> statuses = editConcurrently(id, 8, Map.of("If-Match", "\"0\""));

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void concurrentWritersWithoutVersionsAreAllStoredWithContiguousSequence() throws Exception {
        String id = create();

        List<Integer> statuses = editConcurrently(id, 6, Map.of());

        assertThat(statuses).containsOnly(200);
        List<Long> sequence = jdbc.sql("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = :id ORDER BY sequence_number").param("id", id)
                .query(Long.class).list();
        assertThat(sequence).isEqualTo(LongStream.rangeClosed(0, statuses.size()).boxed().toList());
    }

    /**
     * Sixteen clients each send COMMANDS edits to one activity, each with the version it last saw and reading again
     * after a 409: every 2xx is one stored event, the sequence has no hole, and every loser gets problem+json.
     * CI runs 20 commands per client; the drill in docs/RELIABILITY.md runs 500 with -Ddrill.commands=500.
     */
    @Test
    void sixteenWritersAtOneActivityStoreExactlyOneEventPerSuccess() throws Exception {
        String id = create();
        int commands = Integer.getInteger("drill.commands", 20);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Response> answers;
        try {
            List<Callable<List<Response>>> writers = IntStream.range(0, 16)
                    .<Callable<List<Response>>>mapToObj(writer -> () -> writeWithRetries(id, writer, commands))
                    .toList();
            answers = pool.invokeAll(writers).stream().flatMap(future -> resultOf(future).stream()).toList();
        } finally {
            pool.shutdownNow();
        }

        long successes = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(answers).hasSize(16 * commands);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(200, 409));
        assertThat(answers).filteredOn(answer -> answer.status() == 409).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("code")).isEqualTo("stale-version");
        });
        assertThat(successes).isPositive();
        List<Long> sequence = jdbc.sql("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = :id ORDER BY sequence_number").param("id", id)
                .query(Long.class).list();
        assertThat(sequence).isEqualTo(LongStream.rangeClosed(0, successes).boxed().toList());
    }

    private List<Response> writeWithRetries(String id, int writer, int commands) {
        List<Response> answers = new ArrayList<>();
        String version = api.get("/api/v1/activities/" + id, admin()).header("ETag");
        for (int command = 0; command < commands; command++) {
            Response answer = api.put("/api/v1/activities/" + id, admin(),
                    "{\"title\": \"Writer " + writer + " edit " + command + "\"}", Map.of("If-Match", version));
            answers.add(answer);
            version = answer.status() == 200 ? answer.header("ETag")
                    : api.get("/api/v1/activities/" + id, admin()).header("ETag");
        }
        return answers;
    }

    private static <T> T resultOf(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> editConcurrently(String id, int writers, Map<String, String> headers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Response>> edits = IntStream.range(0, writers)
                    .<Callable<Response>>mapToObj(n -> () -> api.put("/api/v1/activities/" + id, admin(),
                            "{\"title\": \"Writer " + n + "\"}", headers))
                    .toList();
            return pool.invokeAll(edits).stream().map(ConcurrentWritesApiTest::status).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private String create() {
        return api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Contested"}""".formatted(engagement()))
                .text("id");
    }

    private static int status(Future<Response> response) {
        return resultOf(response).status();
    }
}
