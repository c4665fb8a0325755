package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.platform.tokens.ProcessorTokens;
import com.firmos.rest.support.IntegrationTest;

/**
 * The event store's writes in plain JDBC and Axon's JDBC token store on the JPA store's table keep Axon's rows,
 * transactions and refusals.
 */
class EventStoreJdbcWritesTest extends IntegrationTest {

    @Autowired
    private EventStore events;

    @Autowired
    private TokenStore tokens;

    @Autowired
    private TransactionManager transactions;

    @Test
    void appendedEventsReadBackAsTheyWereSentInOrderAndChained() {
        String aggregate = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> sent = List.of(event(aggregate, 0, "first"), event(aggregate, 1, "second"),
                event(aggregate, 2, "third"));
        transactions.executeInTransaction(() -> events.publish(sent));

        List<? extends DomainEventMessage<?>> read = events.readEvents(aggregate).asStream().toList();
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(read).extracting(DomainEventMessage::getIdentifier)
                .containsExactlyElementsOf(sent.stream().map(DomainEventMessage::getIdentifier).toList());
        assertThat(read.stream().map(event -> (Object) event.getPayload()).toList())
                .isEqualTo(sent.stream().map(event -> (Object) event.getPayload()).toList());
        // Axon's entries keep a timestamp to the millisecond.
        assertThat(read).extracting(DomainEventMessage::getTimestamp).containsExactlyElementsOf(
                sent.stream().map(event -> event.getTimestamp().truncatedTo(ChronoUnit.MILLIS)).toList());
        assertThat(read).allSatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Activity");
            assertThat(event.getMetaData()).containsEntry(MetadataKeys.ORGANIZATION_ID, tenant);
        });
        assertThat(events.lastSequenceNumberFor(aggregate)).contains(2L);
        assertThat(events.lastSequenceNumberFor(UUID.randomUUID().toString())).isEmpty();
        List<Long> indexes = jdbc.sql("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :id
                ORDER BY sequence_number""").param("id", aggregate).query(Long.class).list();
        assertThat(indexes).as("one global order, in the order sent").isSorted().doesNotHaveDuplicates();
        assertThat(chainHead()).as("each event is a link of its tenant's chain").isEqualTo(3L);
    }

    @Test
    void aSecondEventAtTheSameSequenceIsRefusedAsAConcurrentWrite() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> events.publish(event(aggregate, 0, "created")));
        transactions.executeInTransaction(() -> events.publish(event(aggregate, 1, "changed")));

        assertThatThrownBy(() -> transactions.executeInTransaction(
                () -> events.publish(event(aggregate, 0, "created elsewhere"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> transactions.executeInTransaction(
                () -> events.publish(event(aggregate, 1, "changed elsewhere"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(events.readEvents(aggregate).asStream().map(event -> ((ActivityCommentedEvent) event.getPayload())
                .text()).toList()).containsExactly("created", "changed");
    }

    @Test
    void eventsOfATransactionThatRollsBackAreNeitherStoredNorChained() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> events.publish(event(aggregate, 0, "created")));
        Long head = chainHead();

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> {
            events.publish(event(aggregate, 1, "changed"), event(aggregate, 2, "changed again"));
            throw new IllegalStateException("the command's commit fails");
        })).hasMessage("the command's commit fails");
        assertThat(events.lastSequenceNumberFor(aggregate)).contains(0L);
        assertThat(chainHead()).isEqualTo(head);
    }

    @Test
    void aBatchWithOneEventAtATakenSequenceStoresNoneOfIt() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> events.publish(event(aggregate, 0, "created"),
                event(aggregate, 1, "changed")));

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> events.publish(
                event(aggregate, 2, "new"), event(aggregate, 1, "changed elsewhere"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(events.lastSequenceNumberFor(aggregate)).contains(1L);
    }

    @Test
    void aNewSnapshotReplacesTheOlderOnesOfItsAggregateOnly() {
        String aggregate = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> events.storeSnapshot(event(aggregate, 5, "at five")));
        transactions.executeInTransaction(() -> events.storeSnapshot(event(other, 3, "another's")));
        transactions.executeInTransaction(() -> events.storeSnapshot(event(aggregate, 10, "at ten")));

        assertThat(jdbc.sql("""
                SELECT aggregate_identifier || ':' || sequence_number FROM snapshot_event_entry
                WHERE aggregate_identifier IN (:ids) ORDER BY 1""").param("ids", List.of(aggregate, other))
                .query(String.class).list())
                .containsExactlyInAnyOrder(aggregate + ":10", other + ":3");
    }

    @Test
    void aTokenThisNodeHoldsIsStoredAndOneAnotherNodeHoldsIsNeitherStoredNorExtended() throws Exception {
        String processor = "jdbc-writes-" + UUID.randomUUID();
        try {
            transactions.executeInTransaction(() -> tokens.initializeTokenSegments(processor, 2));
            transactions.executeInTransaction(() -> tokens.fetchToken(processor, 0));
            transactions.executeInTransaction(
                    () -> tokens.storeToken(new GlobalSequenceTrackingToken(41), processor, 0));
            assertThat(transactions.fetchInTransaction(() -> tokens.fetchToken(processor, 0)))
                    .isEqualTo(new GlobalSequenceTrackingToken(41));
            assertThat(row(processor, 0).get("owner")).isEqualTo(ProcessorTokens.THIS_NODE);
            Object claimed = row(processor, 0).get("timestamp");
            Thread.sleep(5);
            transactions.executeInTransaction(() -> tokens.extendClaim(processor, 0));
            assertThat(Instant.parse((String) row(processor, 0).get("timestamp")))
                    .as("this node's claim is extended").isAfter(Instant.parse((String) claimed));

            jdbc.sql("UPDATE token_entry SET owner = 'another-node', timestamp = :now WHERE processor_name = :name")
                    .param("now", Instant.now().toString()).param("name", processor).update();
            Map<String, Object> before = row(processor, 0);
            assertThatThrownBy(() -> transactions.executeInTransaction(
                    () -> tokens.storeToken(new GlobalSequenceTrackingToken(99), processor, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);
            assertThatThrownBy(() -> transactions.executeInTransaction(() -> tokens.extendClaim(processor, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);
            Map<String, Object> after = row(processor, 0);
            assertThat(after.get("owner")).isEqualTo("another-node");
            assertThat(after.get("timestamp")).as("the claim is not extended").isEqualTo(before.get("timestamp"));
            assertThat((byte[]) after.get("token")).as("the token is untouched").isEqualTo(before.get("token"));
        } finally {
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = :name").param("name", processor).update();
        }
    }

    /** A processor's reset claims each segment and stores its replay token in one transaction. */
    @Test
    void aTokenStoredInTheTransactionThatClaimedItIsTheOneKept() {
        String processor = "jdbc-writes-" + UUID.randomUUID();
        try {
            transactions.executeInTransaction(() -> tokens.initializeTokenSegments(processor, 1,
                    new GlobalSequenceTrackingToken(41)));
            // A claim this node did not release (a failed release, a restart under the same node name).
            jdbc.sql("UPDATE token_entry SET owner = :node, timestamp = :now WHERE processor_name = :name")
                    .param("node", ProcessorTokens.THIS_NODE).param("now", Instant.now().toString())
                    .param("name", processor).update();

            transactions.executeInTransaction(() -> {
                tokens.fetchToken(processor, 0);
                tokens.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);
            });
            assertThat(transactions.fetchInTransaction(() -> tokens.fetchToken(processor, 0)))
                    .isEqualTo(new GlobalSequenceTrackingToken(7));
        } finally {
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = :name").param("name", processor).update();
        }
    }

    private Long chainHead() {
        return jdbc.sql("SELECT position FROM event_chain_head WHERE organization_id = :org").param("org", tenant)
                .query(Long.class).single();
    }

    private Map<String, Object> row(String processor, int segment) {
        return jdbc.sql("SELECT owner, timestamp, token FROM token_entry WHERE processor_name = :name"
                + " AND segment = :segment").param("name", processor).param("segment", segment).query().singleRow();
    }

    private DomainEventMessage<?> event(String aggregate, long sequence, String text) {
        UUID id = UUID.fromString(aggregate);
        return new GenericDomainEventMessage<>("Activity", aggregate, sequence,
                new ActivityCommentedEvent(id, tenant, UUID.randomUUID(), UUID.randomUUID(), "user_admin", text),
                MetaData.from(Map.of(MetadataKeys.ORGANIZATION_ID, tenant, MetadataKeys.USER_ID, "user_admin")));
    }
}
