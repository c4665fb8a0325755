package com.firmos.rest.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OutageProxy;

/**
 * The database goes away under the running application and comes back: requests meanwhile get a prompt 503, and the
 * application serves again, projections included, without a restart. The tests' application reaches its database
 * through a proxy that is cut here; the drill in docs/RELIABILITY.md holds the outage for 60 s under load.
 */
class DatabaseOutageTest extends IntegrationTest {

    private final OutageProxy proxy = OutageProxy.shared();

    @Test
    void requestsGetA503WhileTheDatabaseIsDownAndEverythingResumesWhenItReturns() {
        String token = admin();
        UUID engagement = engagement();
        String before = api.post("/api/v1/activities", token, activity(engagement, "Before")).text("id");

        proxy.cut();
        List<Response> during = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(Long.getLong("drill.outage-seconds", 0)).toNanos();
        do {
            during.add(api.post("/api/v1/activities", token, activity(engagement, "During")));
            during.add(api.get("/api/v1/activities/" + before, token));
        } while (System.nanoTime() < until);
        proxy.restore();

        assertThat(during).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("code")).isEqualTo("database-unavailable");
            assertThat(answer.header("Retry-After")).isEqualTo("5");
        });
        await("writes are served again").atMost(Duration.ofSeconds(60))
                .until(() -> api.post("/api/v1/activities", token, activity(engagement, "After")).status() == 201);
        assertThat(api.get("/api/v1/activities/" + before, token).text("title")).isEqualTo("Before");
        assertThat(api.get("/api/v1/engagements/" + engagement + "/planning-view", token).body())
                .contains("Before", "After").doesNotContain("During");
        await("health is up again").atMost(Duration.ofSeconds(90))
                .until(() -> "UP".equals(api.get("/actuator/health", null).text("status")));
    }

    private static String activity(UUID engagement, String title) {
        return "{\"engagementId\": \"" + engagement + "\", \"title\": \"" + title + "\"}";
    }
}
