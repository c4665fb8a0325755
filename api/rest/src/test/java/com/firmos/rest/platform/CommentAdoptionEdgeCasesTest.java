package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/** V29 on a deleted id posted again, a comment edited then deleted, and old metadata that names no tenant. */
class CommentAdoptionEdgeCasesTest extends IntegrationTest {

    @Autowired
    private EventStore events;

    @Autowired
    private TransactionManager transactions;

    @Test
    void adoptsTheLastPostUnderItsOwnTenantAndNothingDeleted() throws Exception {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Workshop"));
        UUID engagement = playbook.engagement();
        UUID reused = UUID.randomUUID();
        UUID editedThenDeleted = UUID.randomUUID();
        UUID tenantless = UUID.randomUUID();
        store(activity, Map.of(MetadataKeys.ORGANIZATION_ID, tenant, MetadataKeys.USER_ID, "user_admin"),
                new ActivityCommentedEvent(activity, tenant, engagement, reused, "user_admin", "first life"),
                new ActivityCommentEditedEvent(activity, tenant, engagement, reused, "first life", "edited"),
                new ActivityCommentDeletedEvent(activity, tenant, engagement, reused),
                new ActivityCommentedEvent(activity, tenant, engagement, reused, "user_bob", "second life"),
                new ActivityCommentedEvent(activity, tenant, engagement, editedThenDeleted, "user_admin", "x"),
                new ActivityCommentEditedEvent(activity, tenant, engagement, editedThenDeleted, "x", "y"),
                new ActivityCommentDeletedEvent(activity, tenant, engagement, editedThenDeleted));
        // e.g. a system writer that put no tenant in the metadata, plus unusual keys
        store(activity, Map.of("weird", "\"quoted\\\"", "n", 1),
                new ActivityCommentedEvent(activity, tenant, engagement, tenantless, "user_admin", "sys"));

        String sqlText = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*__comments_adopted_into_their_own_streams.sql")[0]
                .getContentAsString(StandardCharsets.UTF_8);
        jdbc.sql(sqlText).update();

        ActivityCommentAdoptedEvent second = (ActivityCommentAdoptedEvent) events
                .readEvents(key(activity, reused).toString()).asStream().findFirst().orElseThrow().getPayload();
        assertThat(second.authorId()).isEqualTo("user_bob");
        assertThat(second.text()).isEqualTo("second life");
        assertThat(count(key(activity, editedThenDeleted))).isZero();
        assertThat(count(key(activity, tenantless))).isEqualTo(1);
        String meta = jdbc.sql("SELECT convert_from(meta_data,'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = :k").param("k", key(activity, tenantless).toString())
                .query(String.class).single();
        assertThat(meta).as("adoption is chained under the comment's tenant").contains(tenant);
        var verified = api.get("/api/v1/admin/audit/verification", admin());
        assertThat(verified.body()).contains("\"intact\":true");
    }

    private long count(UUID key) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :k")
                .param("k", key.toString()).query(Long.class).single();
    }

    private UUID key(UUID activity, UUID comment) {
        return CommentOnActivityCommand.commentKeyOf(tenant, activity, comment);
    }

    private void store(UUID activity, Map<String, ?> meta, Object... payloads) {
        transactions.executeInTransaction(() -> {
            long sequence = events.lastSequenceNumberFor(activity.toString()).orElseThrow();
            List<GenericDomainEventMessage<?>> stored = new ArrayList<>();
            for (Object payload : payloads) {
                stored.add(new GenericDomainEventMessage<>("Activity", activity.toString(), ++sequence, payload,
                        MetaData.from(meta)));
            }
            events.publish(stored);
        });
    }
}
