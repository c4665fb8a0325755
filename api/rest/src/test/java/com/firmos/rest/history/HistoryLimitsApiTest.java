package com.firmos.rest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.TestDatabase;

/**
 * Reads as of a past moment replay the tenant's history, so they are bounded: admins only, a few at once per
 * tenant, a few at once overall, each within a time limit. A lock on a read table holds replays in flight: each
 * replay shadows every read table, so it waits there, where the test can count it.
 */
class HistoryLimitsApiTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Value("${firmos.history.concurrent-per-tenant:2}")
    private int perTenant;

    @Value("${firmos.history.timeout:PT5S}")
    private Duration timeout;

    @Test
    void cannotReadAsOfBeyondTheTenantsLimitWhileAnotherTenantIsStillServed() throws Exception {
        String other = token(otherTenant, "admin");
        assertThat(api.post("/api/v1/clients", admin(), "{\"name\": \"Contoso\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/clients", other, "{\"name\": \"Fabrikam\"}").status()).isEqualTo(201);
        String asOf = "/api/v1/clients?asOf=" + Instant.now();
        try (ExecutorService callers = Executors.newCachedThreadPool()) {
            List<Future<Response>> held;
            Future<Response> otherTenantsReplay;
            Connection lock = holdAReadTable();
            try {
                held = IntStream.range(0, perTenant).mapToObj(i -> callers.submit(() -> api.get(asOf, admin())))
                        .toList();
                await("the tenant's replays waiting").atMost(WAIT).until(() -> replaysWaiting() >= perTenant);

                Response refused = callers.submit(() -> api.get(asOf, admin())).get(WAIT.toSeconds(),
                        TimeUnit.SECONDS);
                assertThat(refused.status()).as(refused.body()).isEqualTo(429);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.text("code")).isEqualTo("too-many-history-reads");
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(api.get("/api/v1/clients", other).status()).as("a read of the present").isEqualTo(200);
                otherTenantsReplay = callers.submit(() -> api.get(asOf, other));
                await("another tenant's replay is let through").atMost(WAIT)
                        .until(() -> replaysWaiting() >= perTenant + 1);
            } finally {
                release(lock);
            }

            for (Future<Response> answer : held) {
                assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            Response others = otherTenantsReplay.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(others.status()).isEqualTo(200);
            assertThat(others.text("clients/0/name")).isEqualTo("Fabrikam");
        }
    }

    @Test
    void cannotLetAReplayRunPastItsTimeout() throws Exception {
        String asOf = "/api/v1/pipeline?asOf=" + Instant.now();
        try (ExecutorService callers = Executors.newCachedThreadPool()) {
            Connection lock = holdAReadTable();
            Response cutOff;
            try {
                cutOff = callers.submit(() -> api.get(asOf, admin()))
                        .get(timeout.plus(WAIT).toSeconds(), TimeUnit.SECONDS);
            } finally {
                release(lock);
            }

            assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(503);
            assertThat(cutOff.text("code")).isEqualTo("history-timeout");
            assertThat(cutOff.header("Retry-After")).isNotBlank();
        }
    }

    @Test
    void cannotReadAsOfWithoutBeingAnAdmin() {
        String asOf = "?asOf=" + Instant.now();

        assertThat(api.get("/api/v1/clients" + asOf, token(tenant, "consultant")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/pipeline" + asOf, token(tenant, "viewer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/clients", token(tenant, "viewer")).status()).as("the present").isEqualTo(200);
    }

    /** Held in a transaction of its own, outside the application's pool, until {@link #release}. */
    private static Connection holdAReadTable() throws Exception {
        TestDatabase database = TestDatabase.get();
        Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password());
        connection.setAutoCommit(false);
        // The database ends idle transactions after a few seconds in the tests; this one idles on purpose.
        connection.createStatement().execute("SET idle_in_transaction_session_timeout = 0");
        connection.createStatement().execute("LOCK TABLE planning_activity IN ACCESS EXCLUSIVE MODE");
        return connection;
    }

    private static void release(Connection lock) throws Exception {
        lock.rollback();
        lock.close();
    }

    private long replaysWaiting() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE relation = 'planning_activity'::regclass"
                + " AND NOT granted").query(Long.class).single();
    }
}
