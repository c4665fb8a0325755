package com.firmos.query.conversation;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.ConversationList;
import com.firmos.api.messages.conversation.ConversationStatus;
import com.firmos.api.messages.conversation.ConversationView;
import com.firmos.api.messages.conversation.FindConversationQuery;
import com.firmos.api.messages.conversation.FindConversationsQuery;
import com.firmos.api.messages.conversation.FindMessageQuery;
import com.firmos.api.messages.conversation.FindMessagesQuery;
import com.firmos.api.messages.conversation.MessagePage;
import com.firmos.api.messages.conversation.MessageView;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Conversations, most recently active first, and their messages, newest first by cursor. A reader without
 * {@code includeInternal} gets neither internal messages nor their traces: counts and last-message times come
 * from the public columns.
 */
@Component
class ConversationQueries {

    public static final int MAX_PAGE_SIZE = 200;
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ConversationQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    ConversationList handle(FindConversationsQuery query) {
        return new ConversationList(jdbc.sql(conversations(query.includeInternal())
                        + " WHERE organization_id = :org AND engagement_id = :engagement"
                        + " ORDER BY last_at DESC NULLS LAST, created_at DESC, id")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> conversation(rs))
                .list());
    }

    @QueryHandler
    ConversationView handle(FindConversationQuery query) {
        return jdbc.sql(conversations(query.includeInternal()) + " WHERE organization_id = :org AND id = :id")
                .param("org", query.organizationId()).param("id", query.conversationId())
                .query((rs, n) -> conversation(rs))
                .optional().orElse(null);
    }

    /** A reader of public messages only sees the count and time of the last one of those. */
    private static String conversations(boolean includeInternal) {
        String last = includeInternal ? "last_message_at" : "last_public_message_at";
        String count = includeInternal ? "message_count" : "public_message_count";
        return "SELECT id, engagement_id, subject, status, created_at, version, " + last + " AS last_at, " + count
                + " AS messages FROM conversation";
    }

    private static ConversationView conversation(ResultSet rs) throws SQLException {
        return new ConversationView(uuid(rs, "id"), uuid(rs, "engagement_id"), rs.getString("subject"),
                parse(ConversationStatus.class, rs.getString("status")), instant(rs, "last_at"),
                rs.getInt("messages"), instant(rs, "created_at"), rs.getLong("version"));
    }

    @QueryHandler
    MessagePage handle(FindMessagesQuery query) {
        int limit = Math.clamp(query.limit(), 1, MAX_PAGE_SIZE);
        Cursor after = Cursor.decode(query.cursor());
        List<MessageView> rows = jdbc.sql("""
                SELECT * FROM conversation_message
                WHERE organization_id = :org AND conversation_id = :conversation AND deleted_at IS NULL
                  AND (:internal OR NOT internal)
                  AND (CAST(:afterAt AS timestamptz) IS NULL
                       OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit""")
                .param("org", query.organizationId()).param("conversation", query.conversationId())
                .param("internal", query.includeInternal())
                .param("afterAt", after == null ? null : utc(after.createdAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit + 1)
                .query((rs, n) -> message(rs))
                .list();
        List<MessageView> page = rows.subList(0, Math.min(limit, rows.size()));
        MessageView last = page.isEmpty() ? null : page.getLast();
        String next = rows.size() > limit ? new Cursor(last.createdAt(), last.id()).encode() : null;
        return new MessagePage(List.copyOf(page), next);
    }

    @QueryHandler
    MessageView handle(FindMessageQuery query) {
        return jdbc.sql("""
                SELECT * FROM conversation_message
                WHERE organization_id = :org AND id = :id AND deleted_at IS NULL AND (:internal OR NOT internal)""")
                .param("org", query.organizationId()).param("id", query.messageId())
                .param("internal", query.includeInternal())
                .query((rs, n) -> message(rs))
                .optional().orElse(null);
    }

    private MessageView message(ResultSet rs) throws SQLException {
        return new MessageView(uuid(rs, "id"), uuid(rs, "conversation_id"), rs.getString("sender_id"),
                rs.getString("sender_name"), rs.getString("content"),
                json.readValue(rs.getString("attachments"), ATTACHMENTS), rs.getBoolean("internal"),
                instant(rs, "created_at"), instant(rs, "edited_at"));
    }

    /** Keyset position of a page's last message, opaque to clients. */
    record Cursor(Instant createdAt, UUID id) {

        String encode() {
            String raw = createdAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("cursor is not one this API issued", malformed);
            }
        }
    }
}
