package com.firmos.rest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        assertThat(other.text("code")).isEqualTo("already-exists");
        assertThat(api.get("/api/v1/activities/" + id, admin()).text("title")).isEqualTo("Original");
        assertThat(eventCount(id.toString())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyMakesAnyPostSafeToRepeat() {
        String id = api.post("/api/v1/activities", admin(), createBody(UUID.randomUUID(), engagement(), "Keyed"))
                .text("id");
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
        assertThat(reused.text("field")).isEqualTo("Idempotency-Key");
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
        assertThat(theirs.text("profile/id")).isNotEqualTo(mine.text("profile/id"));
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        Response refused = api.post("/api/v1/clients", admin(), "{\"name\": \"Keyless\"}",
                Map.of("Idempotency-Key", "x".repeat(256)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("Idempotency-Key");
        assertThat(api.get("/api/v1/clients", admin()).json().toString()).doesNotContain("Keyless");
    }

    @Test
    void aKeptAnswerHoldsNoPersonalDataInClearAndStillReplays() {
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        String path = "/api/v1/clients/" + client + "/stakeholders";
        String body = """
                {"id": "%s", "name": "Grace Hopper", "engagementLevel": "high", "email": "grace.hopper@navy.example",
                 "phone": "+1 555 0100 4242", "notes": "Prefers mornings"}""".formatted(UUID.randomUUID());

        Response first = api.post(path, admin(), body);
        Response retry = api.post(path, admin(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).contains("grace.hopper@navy.example", "Prefers mornings");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(keptRows()).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain("grace.hopper",
                "Grace Hopper", "0100 4242", "Prefers mornings", "Northwind"));
        assertThat(jdbc.sql("SELECT fingerprint FROM idempotent_request WHERE organization_id = :org")
                .param("org", tenant).query(byte[].class).single())
                .as("a keyed digest: the body's own would let a password in it be guessed")
                .isNotEqualTo(sha256(path + "?null\n" + body));
    }

    @Test
    void aReplayedPortalGrantOrRotationNeverCarriesTheToken() {
        UUID engagement = engagement();
        String path = "/api/v1/engagements/" + engagement + "/portal-access";
        String body = """
                {"contactName": "Grace Hopper", "sections": ["playbook"], "password": "correct-horse"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "grant-" + UUID.randomUUID());

        Response first = api.post(path, admin(), body, key);
        Response replay = api.post(path, admin(), body, key);
        String access = first.text("access/id");
        Map<String, String> rotationKey = Map.of("Idempotency-Key", "rotate-" + access);
        Response rotated = api.post("/api/v1/portal-access/" + access + "/rotation", admin(), null, rotationKey);
        Response rotatedAgain = api.post("/api/v1/portal-access/" + access + "/rotation", admin(), null, rotationKey);

        String token = first.text("token");
        String rotatedToken = rotated.text("token");
        assertThat(List.of(first.status(), replay.status(), rotated.status(), rotatedAgain.status()))
                .containsExactly(201, 201, 200, 200);
        for (Response again : List.of(replay, rotatedAgain)) {
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().get("token").isNull()).isTrue();
            assertThat(again.body()).doesNotContain(token, rotatedToken);
            assertThat(again.text("detail")).contains("POST /api/v1/portal-access/" + access + "/rotation");
        }
        assertThat(replay.text("access/contactName")).isEqualTo("Grace Hopper");
        assertThat(keptRows()).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain(token, rotatedToken,
                "Grace Hopper", "correct-horse"));
        assertThat(api.get("/api/v1/portal/links/" + rotatedToken, null).status()).isEqualTo(200);
    }

    /** The tenant's kept rows, every column as text. */
    private List<String> keptRows() {
        return jdbc.sql("""
                SELECT concat_ws('|', scope, request_key, encode(fingerprint, 'escape'), content_type, location, etag,
                    encode(body, 'escape'))
                FROM idempotent_request WHERE organization_id = :org""")
                .param("org", tenant).query(String.class).list();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createBody(UUID id, UUID engagement, String title) {
        return "{\"id\": \"" + id + "\", \"engagementId\": \"" + engagement + "\", \"title\": \"" + title + "\"}";
    }

    private static String idOf(String body) {
        return body.substring(body.indexOf(':') + 3, body.indexOf(':') + 39);
    }
}
