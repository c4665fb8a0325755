package com.firmos.rest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/**
 * A client that repeats a request, after a timeout or a dropped connection, gets one effect and the first answer,
 * also when the copies race each other.
 */
class IdempotentRetryApiTest extends IntegrationTest {

    @Test
    void aRepeatedCreateWithTheClientsIdGetsTheFirstAnswerAndMakesOneActivity() {
        String body = createBody(UUID.randomUUID(), engagement(), "Kick-off");
        String id = idOf(body);

        Response first = api.post("/api/v1/activities", admin(), body);
        Response retry = api.post("/api/v1/activities", admin(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneCreateMakeOneActivityAndTheSameAnswer() throws Exception {
        String body = createBody(UUID.randomUUID(), engagement(), "Raced");
        String token = admin();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> answers;
        try {
            List<Callable<Response>> copies = IntStream.range(0, 8)
                    .<Callable<Response>>mapToObj(n -> () -> api.post("/api/v1/activities", token, body)).toList();
            answers = pool.invokeAll(copies).stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Response::status).containsOnly(201);
        assertThat(answers).extracting(Response::body).containsOnly(answers.getFirst().body());
        assertThat(eventCount(idOf(body))).isEqualTo(1);
    }

    @Test
    void theSameIdWithADifferentRequestIsRefusedAndChangesNothing() {
        UUID id = UUID.randomUUID();
        UUID engagement = engagement();
        api.post("/api/v1/activities", admin(), createBody(id, engagement, "Original"));

        Response other = api.post("/api/v1/activities", admin(), createBody(id, engagement, "Other"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("code").asString()).isEqualTo("already-exists");
        assertThat(api.get("/api/v1/activities/" + id, admin()).json().get("title").asString())
                .isEqualTo("Original");
        assertThat(eventCount(id.toString())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyMakesAnyPostSafeToRepeat() {
        String id = api.post("/api/v1/activities", admin(), createBody(UUID.randomUUID(), engagement(), "Keyed"))
                .json().get("id").asString();
        Map<String, String> key = Map.of("Idempotency-Key", "start-" + id);

        Response first = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"in_progress\"}",
                key);
        Response retry = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"in_progress\"}",
                key);
        Response reused = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"completed\"}",
                key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsCorrectedRetryRuns() {
        UUID engagement = engagement();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response refused = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement + "\"}",
                key);
        Response corrected = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement
                + "\", \"title\": \"Fixed\"}", key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anotherTenantsRequestWithTheSameKeyNeverGetsTheFirstAnswer() {
        String key = "shared-" + UUID.randomUUID();
        Response mine = api.post("/api/v1/clients", admin(), "{\"name\": \"Mine\"}", Map.of("Idempotency-Key", key));

        Response theirs = api.post("/api/v1/clients", token(otherTenant, "admin"), "{\"name\": \"Mine\"}",
                Map.of("Idempotency-Key", key));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("profile").get("id").asString())
                .isNotEqualTo(mine.json().get("profile").get("id").asString());
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        Response refused = api.post("/api/v1/clients", admin(), "{\"name\": \"Keyless\"}",
                Map.of("Idempotency-Key", "x".repeat(256)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(api.get("/api/v1/clients", admin()).json().toString()).doesNotContain("Keyless");
    }

    private static String createBody(UUID id, UUID engagement, String title) {
        return "{\"id\": \"" + id + "\", \"engagementId\": \"" + engagement + "\", \"title\": \"" + title + "\"}";
    }

    private static String idOf(String body) {
        return body.substring(body.indexOf(':') + 3, body.indexOf(':') + 39);
    }
}
