package com.firmos.rest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;

/**
 * Status changes stored straight into an activity's stream, as its aggregate would store them, without a command
 * waiting for the projections: what a test needs to put a stopped processor far behind the head.
 */
public final class StatusChangesStored {

    private final EventStore events;
    private final TransactionManager transactions;

    public StatusChangesStored(EventStore events, TransactionManager transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    /** Stores {@code changes} moves, planned to in progress and back, starting with one to in progress. */
    public long store(String tenant, UUID activity, UUID engagement, int changes) {
        MetaData metaData = MetaData.from(Map.of(MetadataKeys.ORGANIZATION_ID, tenant, MetadataKeys.USER_ID,
                "user-1", MetadataKeys.USER_ROLE, "admin", MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
        return transactions.fetchInTransaction(() -> {
            long sequence = events.lastSequenceNumberFor(activity.toString()).orElseThrow();
            List<GenericDomainEventMessage<?>> stored = new ArrayList<>();
            for (int change = 0; change < changes; change++) {
                boolean starting = change % 2 == 0;
                stored.add(new GenericDomainEventMessage<>("Activity", activity.toString(), ++sequence,
                        new ActivityStatusChangedEvent(activity, tenant, engagement,
                                starting ? ActivityStatus.PLANNED : ActivityStatus.IN_PROGRESS,
                                starting ? ActivityStatus.IN_PROGRESS : ActivityStatus.PLANNED, null, null, null,
                                null), metaData));
            }
            events.publish(stored);
            return sequence;
        });
    }

    /**
     * {@link #store} while the processor is shut down, so its projection stands {@code changes} events behind when
     * it starts again. Answers the activity's last sequence number.
     */
    public long storeWhileStopped(StreamingEventProcessor processor, String tenant, UUID activity, UUID engagement,
            int changes) {
        processor.shutDown();
        try {
            return store(tenant, activity, engagement, changes);
        } finally {
            processor.start();
        }
    }
}
