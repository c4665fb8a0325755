package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;

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

    @Autowired
    private PlatformTransactionManager springTransactions;

    @Autowired
    private CommandGateway commands;

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

    /**
     * A command whose unit of work completes inside a transaction that then rolls back leaves Axon no rollback to
     * react to: its state, one event ahead of the store, must not be kept, or it would pass for the next event
     * another writer stores.
     */
    @Test
    void aStateWhoseTransactionRolledBackIsNotKept() {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Rolled back"));
        String status = "/api/v1/activities/" + activity + "/status";
        api.post(status, admin(), "{\"status\": \"in_progress\"}");
        MetaData caller = MetaData.from(Map.of(MetadataKeys.ORGANIZATION_ID, tenant, MetadataKeys.USER_ID,
                "user-1", MetadataKeys.USER_ROLE, "admin", MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
        new TransactionTemplate(springTransactions).executeWithoutResult(outer -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ChangeActivityStatusCommand(activity,
                    tenant, null, ActivityStatus.DONE, null, "user-1", null)).andMetaData(caller));
            outer.setRollbackOnly();
        });

        // Another node stores the second event: the activity is in progress at version 2, not done.
        new StatusChangesStored(events, transactions).store(tenant, activity, playbook.engagement(), 1);
        Response done = api.post(status, admin(), "{\"status\": \"done\"}", Map.of("If-Match", "\"2\""));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"3\"");
        assertThat(done.text("status")).isEqualTo("done");
    }
}
