package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.StatusChangesStored;

/** A command takes its aggregate from memory only while nobody has stored an event for it since. */
class AggregateCacheApiTest extends IntegrationTest {

    @Autowired
    @Qualifier("activityCache")
    private Cache activities;

    @Autowired
    private EventStore events;

    @Autowired
    private TransactionManager transactions;

    @Test
    void aCachedAggregateIsReloadedWhenAnotherNodeStoredAnEventForIt() {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Cached"));
        String status = "/api/v1/activities/" + activity + "/status";
        assertThat(api.post(status, admin(), "{\"status\": \"in_progress\"}").header("ETag")).isEqualTo("\"1\"");
        assertThat(activities.containsKey(activity.toString())).as("the activity is held in memory").isTrue();

        // Another node moves it on and back: the state in memory is two events behind the stream.
        new StatusChangesStored(events, transactions).store(tenant, activity, playbook.engagement(), 2);
        await("the view shows the other node's writes").atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/activities/" + activity, admin()).header("ETag").equals("\"3\""));
        Response started = api.post(status, admin(), "{\"status\": \"in_progress\"}", Map.of("If-Match", "\"3\""));

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"4\"");
        assertThat(started.text("status")).isEqualTo("in_progress");
    }

    @Test
    void aCommandThatIsRefusedLeavesTheNextOneTheStoredState() {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Refused once");
        String status = "/api/v1/activities/" + activity + "/status";
        api.post(status, admin(), "{\"status\": \"in_progress\"}");

        Response stale = api.post(status, admin(), "{\"status\": \"done\"}", Map.of("If-Match", "\"0\""));
        Response done = api.post(status, admin(), "{\"status\": \"done\"}", Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get("/api/v1/activities/" + activity, admin()).text("status")).isEqualTo("done");
    }
}
