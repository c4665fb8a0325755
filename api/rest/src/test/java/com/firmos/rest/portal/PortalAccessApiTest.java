package com.firmos.rest.portal;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

class PortalAccessApiTest extends IntegrationTest {

    @Autowired
    private PortalProperties portal;

    @Test
    void aGrantShowsItsTokenOnceAndTheListNeverDoes() {
        Playbook playbook = new Playbook(api, admin());

        Response granted = grant(playbook.engagement(), "[\"playbook\"]", null, false, null);
        String token = granted.text("token");
        exchange(token, null);
        Response list = api.get("/api/v1/engagements/" + playbook.engagement() + "/portal-access", admin());

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(granted.text("access/contactName")).isEqualTo("Grace Hopper");
        assertThat(list.body()).doesNotContain(token).doesNotContain(PortalTokens.hash(token));
        JsonNode access = list.at("accesses/0");
        assertThat(text(access, "grantedBy")).isEqualTo("user_admin");
        assertThat(access.get("lastAccessAt").isNull()).isFalse();
        assertThat(flag(access, "passwordProtected")).isFalse();
    }

    @Test
    void aGrantIsReadAgainWhereItsLocationSaysWithoutItsToken() {
        Response granted = grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, false, null);

        Response read = api.get(granted.header("Location"), admin());

        assertThat(granted.header("Location")).isEqualTo("/api/v1/portal-access/" + granted.text("access/id"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(granted.json().get("access"));
        assertThat(read.body()).doesNotContain(granted.text("token"));
        assertThat(api.get(granted.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
    }

    @Test
    void openingALinkNeverUsesItUp() {
        String token = grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, true, null).text("token");

        Response opened = api.get("/api/v1/portal/links/" + token, null);
        Response openedAgain = api.get("/api/v1/portal/links/" + token, null);
        Response headed = api.send("HEAD", "/api/v1/portal/links/" + token, null, null, Map.of());
        Response exchanged = exchange(token, null);

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.flag("passwordRequired")).isFalse();
        assertThat(openedAgain.status()).isEqualTo(200);
        assertThat(headed.status()).isEqualTo(200);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/portal/links/" + token, null).status()).as("single use, now used").isEqualTo(401);
    }

    @Test
    void aSessionIsReadWhereItsLocationSaysWithItsSectionsAndNeverItsToken() {
        Playbook playbook = new Playbook(api, admin());
        Response exchanged = exchange(grant(playbook.engagement(), "[\"timeline\", \"playbook\"]", null, false, null)
                .text("token"), null);
        String session = exchanged.text("sessionToken");

        Response read = api.get(exchanged.header("Location"), session);

        assertThat(exchanged.header("Location")).isEqualTo("/api/v1/portal/session");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.text("engagementId")).isEqualTo(playbook.engagement().toString());
        assertThat(read.json().get("sections").valueStream().map(JsonNode::asString))
                .containsExactly("playbook", "timeline");
        assertThat(read.text("expiresAt")).isEqualTo(exchanged.text("expiresAt"));
        assertThat(read.body()).doesNotContain(session);
        assertThat(api.get("/api/v1/portal/session", admin()).status()).as("a Workbench token").isEqualTo(403);
        assertThat(api.get("/api/v1/portal/session", null).status()).isEqualTo(401);
    }

    /** A session token is a secret of whoever exchanged the link: no store keeps it to answer again. */
    @Test
    void anExchangeIsNeverReplayedNotEvenWithAnIdempotencyKey() {
        String token = grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, true, null).text("token");
        Map<String, String> keyed = Map.of("Idempotency-Key", "exchange-" + UUID.randomUUID());
        String body = "{\"token\": \"" + token + "\"}";

        Response first = api.post("/api/v1/portal/sessions", admin(), body, keyed);
        Response again = api.post("/api/v1/portal/sessions", admin(), body, keyed);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as("single use, now used").isEqualTo(401);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.body()).doesNotContain(first.text("sessionToken"));
    }

    @Test
    void aSessionSeesItsOwnEngagementsBoardAndNoWorkbenchPath() {
        Playbook playbook = new Playbook(api, admin());
        playbook.activity("Kick-off");
        Playbook other = new Playbook(api, admin());
        other.activity("Someone else's");
        String session = session(grant(playbook.engagement(), "[\"playbook\", \"timeline\"]", null, false, null));

        Response board = api.get("/api/v1/portal/planning-view", session);

        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(Playbook.cardTitles(board.json())).containsExactly("Kick-off");
        assertThat(api.get("/api/v1/engagements/" + playbook.engagement() + "/planning-view", session).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/portal/planning-view", admin()).status()).isEqualTo(403);
        String noPlaybook = session(grant(playbook.engagement(), "[\"timeline\"]", null, false, null));
        assertThat(api.get("/api/v1/portal/planning-view", noPlaybook).status()).isEqualTo(403);
    }

    @Test
    void expiredRevokedReplacedAndWrongTokensAllGetTheSameAnswer() {
        UUID engagement = new Playbook(api, admin()).engagement();
        String expiring = grant(engagement, "[\"playbook\"]", Instant.now().plusSeconds(2), false, null).text("token");
        Response revokedGrant = grant(engagement, "[\"playbook\"]", null, false, null);
        api.delete("/api/v1/portal-access/" + revokedGrant.text("access/id"), admin());
        Response rotatedGrant = grant(engagement, "[\"playbook\"]", null, false, null);
        Response rotation = api.post("/api/v1/portal-access/" + rotatedGrant.text("access/id") + "/rotation",
                admin(), null);
        String guarded = grant(engagement, "[\"playbook\"]", null, false, "correct horse").text("token");
        // The link expires by the server's clock, which a test cannot set: wait until opening it is refused.
        await("the link expired").atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/portal/links/" + expiring, null).status() == 401);

        List<Response> refused = List.of(exchange(expiring, null),
                exchange(revokedGrant.text("token"), null),
                exchange(rotatedGrant.text("token"), null),
                exchange(PortalTokens.fresh(), null), exchange(guarded, "wrong password"), exchange(guarded, null));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text("detail")).isEqualTo(refused.getFirst().text("detail"));
            assertThat(answer.text("code")).isEqualTo("invalid-link");
        });
        assertThat(exchange(rotation.text("token"), null).status()).isEqualTo(201);
        assertThat(exchange(guarded, "correct horse").status()).isEqualTo(201);
    }

    @Test
    void rotatingALinkEndsTheSessionsMadeFromTheOldTokenButNotTheNewOnes() {
        Playbook playbook = new Playbook(api, admin());
        playbook.activity("Kick-off");
        Response granted = grant(playbook.engagement(), "[\"playbook\"]", null, false, null);
        String oldSession = session(granted);
        assertThat(api.get("/api/v1/portal/planning-view", oldSession).status()).isEqualTo(200);

        Response rotation = api.post("/api/v1/portal-access/" + granted.text("access/id")
                + "/rotation", admin(), null);
        String newSession = exchange(rotation.text("token"), null).text("sessionToken");

        Response ended = api.get("/api/v1/portal/planning-view", oldSession);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/portal/planning-view", newSession).status()).isEqualTo(200);
    }

    @Test
    void twentyConcurrentExchangesOfASingleUseLinkStartExactlyOneSession() throws Exception {
        String token = grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, true, null).text("token");
        List<Future<Integer>> answers;
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            answers = IntStream.range(0, 20).mapToObj(i -> clients.submit(() -> exchange(token, null).status()))
                    .toList();
        }

        List<Integer> statuses = answers.stream().map(PortalAccessApiTest::join).toList();

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses).allMatch(status -> status == 201 || status == 401 || status == 429);
    }

    @Test
    void repeatedFailuresWithOneTokenAreStopped() {
        String guess = PortalTokens.fresh();

        List<Response> answers = IntStream.range(0, 11).mapToObj(i -> exchange(guess, null)).toList();

        assertThat(answers.subList(0, 10)).extracting(Response::status).containsOnly(401);
        assertThat(answers.get(10).status()).isEqualTo(429);
        assertThat(answers.get(10).header("Retry-After")).as("seconds until the failures fall out of the window")
                .matches("[1-9][0-9]*");
    }

    @Test
    void sixteenConcurrentWrongPasswordsReachThePasswordCheckNoMoreTimesThanTheLimit() throws Exception {
        String token = grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, false, "right one")
                .text("token");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers;
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            answers = IntStream.range(0, 16).mapToObj(i -> clients.submit(() -> {
                start.await();
                return exchange(token, "wrong " + i).status();
            })).toList();
            start.countDown();
        }

        List<Integer> statuses = answers.stream().map(PortalAccessApiTest::join).toList();

        // Every 401 is a password that was checked; the rest were stopped before the check.
        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(portal.failuresPerToken());
        assertThat(statuses.stream().filter(status -> status == 429)).hasSize(16 - portal.failuresPerToken());
        assertThat(exchange(token, "right one").status()).as("locked, even for the right password").isEqualTo(429);
    }

    @Test
    void cannotUseASessionThatNeverExpiresOrOutlivesItsCap() throws Exception {
        String session = session(grant(new Playbook(api, admin()).engagement(), "[\"playbook\"]", null, false,
                null));
        JWTClaimsSet claims = SignedJWT.parse(session).getJWTClaimsSet();
        Instant now = Instant.now();

        assertThat(api.get("/api/v1/portal/planning-view", session).status()).isEqualTo(200);
        for (JWTClaimsSet forged : List.of(new JWTClaimsSet.Builder(claims).expirationTime(null).build(),
                new JWTClaimsSet.Builder(claims).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(portal.maxSessionLifetime()).plusSeconds(3600))).build())) {
            Response refused = api.get("/api/v1/portal/planning-view", signedByThePortal(forged));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("code")).isEqualTo("unauthenticated");
        }
    }

    @Test
    void erasingAContactRevokesTheLinkAndLeavesTheirNameNowhere() {
        UUID engagement = new Playbook(api, admin()).engagement();
        String name = "Erasable " + UUID.randomUUID();
        Response granted = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"" + name + "\", \"sections\": [\"playbook\"]}");
        String id = granted.text("access/id");
        String token = granted.text("token");
        assertThat(session(granted)).isNotBlank();

        assertThat(api.post("/api/v1/portal-access/" + id + "/erasure", token(tenant, "consultant"), null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/portal-access/" + id + "/erasure", admin(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/admin/projections/portal-access/rebuild", operator(), null).status())
                .isEqualTo(202);

        await("portal access caught up").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/admin/projections/portal-access", admin()).number("lag") == 0);
        JsonNode access = api.get("/api/v1/engagements/" + engagement + "/portal-access", admin()).at("accesses/0");
        assertThat(access.get("contactName").isNull()).isTrue();
        assertThat(flag(access, "contactErased")).isTrue();
        assertThat(text(access, "status")).isEqualTo("revoked");
        assertThat(exchange(token, null).status()).isEqualTo(401);
        String history = api.get("/api/v1/admin/audit/events?entityId=" + id, admin()).body();
        assertThat(history).contains("PortalContactErasedEvent").doesNotContain(name);
        assertThat(jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), '')"
                + " FROM domain_event_entry").query(String.class).single()).doesNotContain(name);
    }

    @Test
    void onlyStaffOfTheTenantHandOutAndRevokeLinks() {
        UUID engagement = new Playbook(api, admin()).engagement();
        String id = grant(engagement, "[\"playbook\"]", null, false, null).text("access/id");

        assertThat(api.post("/api/v1/engagements/" + engagement + "/portal-access", token(tenant, "viewer"),
                "{\"contactName\": \"X\", \"sections\": [\"playbook\"]}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/portal-access/" + id, token(otherTenant, "admin")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + engagement + "/portal-access", token(otherTenant, "admin"))
                .status()).as("another tenant's engagement is not found").isEqualTo(404);
        Response noSections = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"X\", \"sections\": []}");
        assertThat(noSections.status()).isEqualTo(400);
        assertThat(noSections.text("field")).isEqualTo("sections");
        Response pastExpiry = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"X\", \"sections\": [\"playbook\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertThat(pastExpiry.status()).isEqualTo(400);
        assertThat(pastExpiry.text("field")).isEqualTo("expiresAt");
    }

    private Response grant(UUID engagement, String sections, Instant expiresAt, boolean singleUse, String password) {
        Response granted = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(), """
                {"contactName": "Grace Hopper", "sections": %s, "expiresAt": %s, "singleUse": %s, "password": %s}"""
                .formatted(sections, expiresAt == null ? "null" : "\"" + expiresAt + "\"", singleUse,
                        password == null ? "null" : "\"" + password + "\""));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted;
    }

    private Response exchange(String token, String password) {
        return api.post("/api/v1/portal/sessions", null, """
                {"token": "%s", "password": %s}""".formatted(token, password == null ? "null" : "\"" + password
                + "\""));
    }

    private String session(Response granted) {
        Response exchanged = exchange(granted.text("token"), null);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(201);
        return exchanged.text("sessionToken");
    }

    private String signedByThePortal(JWTClaimsSet claims) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(portal.sessionSecret().getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }

    private static int join(Future<Integer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
