package com.firmos.query.conversation;

import static com.firmos.query.Jdbc.utc;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.conversation.ConversationClosedEvent;
import com.firmos.api.messages.conversation.ConversationReopenedEvent;
import com.firmos.api.messages.conversation.ConversationStartedEvent;
import com.firmos.api.messages.conversation.MessageDeletedEvent;
import com.firmos.api.messages.conversation.MessageEditedEvent;
import com.firmos.api.messages.conversation.MessagePostedEvent;
import com.firmos.query.ProjectionTables;
import com.firmos.query.engagement.EngagementHub;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds conversations and their messages, in the engagement hub's processing group. Rows carry the aggregate
 * version they reflect and every update is guarded by it ({@link EngagementHub}), so redelivery changes nothing;
 * queries live beside it in {@link ConversationQueries}.
 */
@Component
@ProcessingGroup(EngagementHub.PROCESSING_GROUP)
public class ConversationProjector implements ProjectionTables {

    private static final List<String> TABLES = List.of("conversation_message", "conversation");

    private final JdbcClient jdbc;
    private final EngagementHub hub;
    private final ObjectMapper json;

    ConversationProjector(JdbcClient jdbc, EngagementHub hub, ObjectMapper json) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.json = json;
    }

    @EventHandler
    void on(ConversationStartedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO conversation (id, organization_id, engagement_id, subject, status, version, created_at,
                    updated_at)
                VALUES (:id, :org, :engagement, :subject, 'open', :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.conversationId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("subject", event.subject())
                .param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ConversationClosedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("conversation", event.organizationId(), event.conversationId(), version, at, "status = :value",
                "closed");
    }

    @EventHandler
    void on(ConversationReopenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("conversation", event.organizationId(), event.conversationId(), version, at, "status = :value",
                "open");
    }

    /** The message's own row, then the conversation's counts and times, only when the row is new. */
    @EventHandler
    void on(MessagePostedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER_NAME) String senderName) {
        boolean inserted = jdbc.sql("""
                INSERT INTO conversation_message (id, organization_id, engagement_id, conversation_id, sender_id,
                    sender_name, content, attachments, internal, version, created_at)
                VALUES (:id, :org, :engagement, :conversation, :sender, :senderName, :content,
                    CAST(:attachments AS jsonb), :internal, :version, :at)
                ON CONFLICT (organization_id, id) DO NOTHING
                RETURNING 1""")
                .param("id", event.messageId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("conversation", event.conversationId())
                .param("sender", event.senderId()).param("senderName", senderName).param("content", event.content())
                .param("attachments", json.writeValueAsString(event.attachments()))
                .param("internal", event.internal()).param("version", version).param("at", utc(at))
                .query(Integer.class).optional().isPresent();
        if (inserted) {
            jdbc.sql("""
                    UPDATE conversation SET message_count = message_count + 1,
                        last_message_at = GREATEST(last_message_at, :at),
                        public_message_count = public_message_count + CASE WHEN :internal THEN 0 ELSE 1 END,
                        last_public_message_at = CASE WHEN :internal THEN last_public_message_at
                            ELSE GREATEST(last_public_message_at, :at) END
                    WHERE organization_id = :org AND id = :conversation""")
                    .param("at", utc(at)).param("internal", event.internal())
                    .param("conversation", event.conversationId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(MessageEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE conversation_message SET content = :content, edited_at = :at, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("content", event.content()).param("at", utc(at)).param("version", version)
                .param("id", event.messageId())
                .param("org", event.organizationId())
                    .update();
    }

    @EventHandler
    void on(MessageDeletedEvent event, @SequenceNumber long version) {
        boolean deleted = jdbc.sql("""
                UPDATE conversation_message SET deleted_at = :at, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version
                RETURNING 1""")
                .param("at", utc(event.deletedAt())).param("version", version).param("id", event.messageId())
                .param("org", event.organizationId())
                .query(Integer.class).optional().isPresent();
        if (deleted) {
            jdbc.sql("""
                    UPDATE conversation SET message_count = message_count - 1,
                        public_message_count = public_message_count - CASE WHEN :internal THEN 0 ELSE 1 END
                    WHERE organization_id = :org AND id = :conversation""")
                    .param("internal", event.internal()).param("conversation", event.conversationId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return EngagementHub.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }
}
