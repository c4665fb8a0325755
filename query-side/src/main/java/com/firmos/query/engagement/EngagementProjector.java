package com.firmos.query.engagement;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.EngagementPausedEvent;
import com.firmos.api.messages.engagement.EngagementPhaseChangedEvent;
import com.firmos.api.messages.engagement.EngagementRenamedEvent;
import com.firmos.api.messages.engagement.EngagementResumedEvent;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.engagement.ProposalStatusChangedEvent;
import com.firmos.api.messages.project.ProjectCreatedEvent;
import com.firmos.api.messages.project.ProjectDeletedEvent;
import com.firmos.api.messages.project.ProjectEditedEvent;
import com.firmos.api.messages.project.ProjectPhaseChangedEvent;
import com.firmos.api.messages.project.ProjectStatusChangedEvent;
import com.firmos.api.messages.project.TaskAssignedEvent;
import com.firmos.api.messages.project.TaskCreatedEvent;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEditedEvent;
import com.firmos.api.messages.project.TaskStatusChangedEvent;
import com.firmos.query.ProjectionTables;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds the engagement hub: engagements, orders, proposals, projects, tasks, conversations and messages. Rows
 * carry the aggregate version they reflect and every update is guarded by it, so redelivery changes nothing;
 * queries live beside it in {@link EngagementQueries}, {@link ProjectQueries} and {@link ConversationQueries}.
 */
@Component
@ProcessingGroup(EngagementHubProjector.PROCESSING_GROUP)
public class EngagementHubProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "engagements";
    private static final List<String> TABLES = List.of("conversation_message", "conversation", "task", "project",
            "proposal", "engagement_order", "engagement");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EngagementHubProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO engagement (id, organization_id, client_id, name, status, phase, deal_id, proposal_id,
                    contract_id, budget, version, created_at, updated_at)
                VALUES (:id, :org, :client, :name, 'active', :phase, :deal, :proposal, :contract, :budget, :version,
                    :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.engagementId()).param("org", event.organizationId())
                .param("client", event.clientId()).param("name", event.name()).param("phase", wire(event.phase()))
                .param("deal", event.dealId()).param("proposal", event.proposalId())
                .param("contract", event.contractId()).param("budget", event.budget())
                .param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(EngagementRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("engagement", event.organizationId(), event.engagementId(), version, at, "name = :value", event.name());
    }

    @EventHandler
    void on(EngagementPausedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("engagement", event.organizationId(), event.engagementId(), version, at, "status = :value", "paused");
    }

    @EventHandler
    void on(EngagementResumedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("engagement", event.organizationId(), event.engagementId(), version, at, "status = :value", "active");
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("engagement", event.organizationId(), event.engagementId(), version, at,
                "status = 'closed', close_outcome = :value, closed_at = :at", wire(event.outcome()));
    }

    @EventHandler
    void on(EngagementPhaseChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("engagement", event.organizationId(), event.engagementId(), version, at,
                "phase = :value", wire(event.newPhase()));
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO engagement_order (order_id, organization_id, engagement_id, proposal_id, amount,
                    currency, placed_at)
                VALUES (:id, :org, :engagement, :proposal, :amount, :currency, :at)
                ON CONFLICT (organization_id, order_id) DO NOTHING""")
                .param("id", event.orderId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("proposal", event.proposalId())
                .param("amount", event.amount()).param("currency", event.currency()).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProposalDraftedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO proposal (id, organization_id, client_id, deal_id, engagement_id, title, amount, status,
                    version, created_at, updated_at)
                VALUES (:id, :org, :client, :deal, :engagement, :title, :amount, 'draft', :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.proposalId()).param("org", event.organizationId())
                .param("client", event.clientId()).param("deal", event.dealId())
                .param("engagement", event.fundedEngagementId()).param("title", event.title())
                .param("amount", event.amount()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProposalEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance("proposal", event.organizationId(), event.proposalId(), version, at)) {
            jdbc.sql("UPDATE proposal SET title = :title, amount = :amount"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("title", event.title()).param("amount", event.amount()).param("id", event.proposalId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProposalStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("proposal", event.organizationId(), event.proposalId(), version, at,
                "status = :value", wire(event.newStatus()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance("proposal", event.organizationId(), event.proposalId(), version, at)) {
            jdbc.sql("""
                    UPDATE proposal SET status = 'accepted', engagement_id = :engagement, order_id = :order,
                        accepted_by = :by, accepted_at = :acceptedAt
                    WHERE organization_id = :org AND id = :id""")
                    .param("engagement", event.convertedEngagementId()).param("order", event.orderId())
                    .param("by", event.acceptedBy()).param("acceptedAt", utc(event.acceptedAt()))
                    .param("id", event.proposalId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProjectCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO project (id, organization_id, engagement_id, name, description, service_template_id,
                    phase, status, version, created_at, updated_at)
                VALUES (:id, :org, :engagement, :name, :description, :template, 'kickoff', 'active', :version,
                    :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.projectId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("name", event.name())
                .param("description", event.description()).param("template", event.serviceTemplateId())
                .param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProjectEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance("project", event.organizationId(), event.projectId(), version, at)) {
            jdbc.sql("UPDATE project SET name = :name, description = :description"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("name", event.name()).param("description", event.description())
                    .param("id", event.projectId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProjectPhaseChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("project", event.organizationId(), event.projectId(), version, at,
                "phase = :value", wire(event.newPhase()));
    }

    @EventHandler
    void on(ProjectStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance("project", event.organizationId(), event.projectId(), version, at)) {
            jdbc.sql("UPDATE project SET status = :status, completed_at = :completedAt"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("status", wire(event.newStatus())).param("completedAt", utc(event.completedAt()))
                    .param("id", event.projectId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProjectDeletedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("project", event.organizationId(), event.projectId(), version, at,
                "deleted_at = :value", utc(event.deletedAt()));
    }

    @EventHandler
    void on(TaskCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        TaskDetails details = event.details();
        jdbc.sql("""
                INSERT INTO task (id, organization_id, engagement_id, project_id, title, description, status,
                    priority, effort, due_date, milestone, critical, assignee_id, project_phase, version, created_at,
                    updated_at)
                VALUES (:id, :org, :engagement, :project, :title, :description, 'todo', :priority, :effort, :due,
                    :milestone, :critical, :assignee, :phase, :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.taskId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("project", event.projectId())
                .param("title", details.title()).param("description", details.description())
                .param("priority", wire(details.priority())).param("effort", wire(details.effort()))
                .param("due", details.dueDate()).param("milestone", details.milestone())
                .param("critical", details.critical()).param("assignee", event.assigneeId())
                .param("phase", wire(details.projectPhase())).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(TaskEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance("task", event.organizationId(), event.taskId(), version, at)) {
            return;
        }
        TaskDetails details = event.details();
        jdbc.sql("""
                UPDATE task SET title = :title, description = :description, priority = :priority, effort = :effort,
                    due_date = :due, milestone = :milestone, critical = :critical, project_phase = :phase
                WHERE organization_id = :org AND id = :id""")
                .param("title", details.title()).param("description", details.description())
                .param("priority", wire(details.priority())).param("effort", wire(details.effort()))
                .param("due", details.dueDate()).param("milestone", details.milestone())
                .param("critical", details.critical()).param("phase", wire(details.projectPhase()))
                .param("id", event.taskId())
                .param("org", event.organizationId())
                    .update();
    }

    @EventHandler
    void on(TaskAssignedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("task", event.organizationId(), event.taskId(), version, at, "assignee_id = :value", event.assigneeId());
    }

    @EventHandler
    void on(TaskStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance("task", event.organizationId(), event.taskId(), version, at)) {
            jdbc.sql("UPDATE task SET status = :status, completed_at = :completedAt"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("status", wire(event.newStatus())).param("completedAt", utc(event.completedAt()))
                    .param("id", event.taskId())
                    .param("org", event.organizationId())
                    .update();
        }
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
        update("conversation", event.organizationId(), event.conversationId(), version, at, "status = :value",
                "closed");
    }

    @EventHandler
    void on(ConversationReopenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("conversation", event.organizationId(), event.conversationId(), version, at, "status = :value", "open");
    }

    /** The message's own row, then the conversation's counts and times, only when the row is new. */
    @EventHandler
    void on(MessagePostedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER_NAME) String senderName) {
        int inserted = jdbc.sql("""
                INSERT INTO conversation_message (id, organization_id, engagement_id, conversation_id, sender_id,
                    sender_name, content, attachments, internal, version, created_at)
                VALUES (:id, :org, :engagement, :conversation, :sender, :senderName, :content,
                    CAST(:attachments AS jsonb), :internal, :version, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.messageId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("conversation", event.conversationId())
                .param("sender", event.senderId()).param("senderName", senderName).param("content", event.content())
                .param("attachments", json.writeValueAsString(event.attachments()))
                .param("internal", event.internal()).param("version", version).param("at", utc(at))
                .update();
        if (inserted == 1) {
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
        int deleted = jdbc.sql("""
                UPDATE conversation_message SET deleted_at = :at, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("at", utc(event.deletedAt())).param("version", version).param("id", event.messageId())
                .param("org", event.organizationId())
                    .update();
        if (deleted == 1) {
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
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    /** Sets one column group of a row when the event is newer than the row. */
    private void update(String table, String organizationId, UUID id, long version, Instant at, String assignment,
            Object value) {
        jdbc.sql("UPDATE " + table + " SET " + assignment + ", version = :version, updated_at = :at"
                        + " WHERE organization_id = :org AND id = :id AND version < :version")
                .param("value", value).param("version", version).param("at", utc(at))
                .param("org", organizationId).param("id", id)
                .update();
    }

    private boolean advance(String table, String organizationId, UUID id, long version, Instant at) {
        return jdbc.sql("UPDATE " + table + " SET version = :version, updated_at = :at"
                        + " WHERE organization_id = :org AND id = :id AND version < :version")
                .param("version", version).param("at", utc(at)).param("org", organizationId).param("id", id)
                .update() == 1;
    }
}
