package com.firmos.query.timeline;

import static com.firmos.query.WireValues.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityResourcesReorderedEvent;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.TeamMemberErasedEvent;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.ConversationClosedEvent;
import com.firmos.api.messages.conversation.ConversationReopenedEvent;
import com.firmos.api.messages.conversation.ConversationStartedEvent;
import com.firmos.api.messages.conversation.MessageDeletedEvent;
import com.firmos.api.messages.conversation.MessageEditedEvent;
import com.firmos.api.messages.conversation.MessagePostedEvent;
import com.firmos.api.messages.crm.ClientAssignedEvent;
import com.firmos.api.messages.crm.ClientCreatedEvent;
import com.firmos.api.messages.crm.ClientProfileEditedEvent;
import com.firmos.api.messages.crm.ClientUnassignedEvent;
import com.firmos.api.messages.crm.CompetitorCreatedEvent;
import com.firmos.api.messages.crm.CompetitorEditedEvent;
import com.firmos.api.messages.crm.CompetitorMentionedEvent;
import com.firmos.api.messages.crm.DealCreatedEvent;
import com.firmos.api.messages.crm.DealEditedEvent;
import com.firmos.api.messages.crm.DealLostEvent;
import com.firmos.api.messages.crm.DealStageChangedEvent;
import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.crm.InteractionCorrectedEvent;
import com.firmos.api.messages.crm.InteractionDeletedEvent;
import com.firmos.api.messages.crm.InteractionDetails;
import com.firmos.api.messages.crm.InteractionLoggedEvent;
import com.firmos.api.messages.crm.MeddpiccFieldSetEvent;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.api.messages.crm.StakeholderEditedEvent;
import com.firmos.api.messages.crm.StakeholderErasedEvent;
import com.firmos.api.messages.crm.StakeholderRemovedEvent;
import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementFundedEvent;
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
import com.firmos.api.messages.fasttrack.HypothesisAddedEvent;
import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.HypothesisEditedEvent;
import com.firmos.api.messages.fasttrack.HypothesisRemovedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentAddedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.api.messages.fasttrack.TeamAssessmentEditedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentRemovedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessGrantedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessRevokedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStatusChangedEvent;
import com.firmos.api.messages.portal.PortalAccessGrantedEvent;
import com.firmos.api.messages.portal.PortalAccessRevokedEvent;
import com.firmos.api.messages.portal.PortalContactErasedEvent;
import com.firmos.api.messages.portal.PortalLinkExchangedEvent;
import com.firmos.api.messages.portal.PortalLinkRotatedEvent;
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
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.api.messages.revenue.BillApprovedEvent;
import com.firmos.api.messages.revenue.BillCancelledEvent;
import com.firmos.api.messages.revenue.BillPaidEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.BillRejectedEvent;
import com.firmos.api.messages.revenue.InvoiceCancelledEvent;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceDraftEditedEvent;
import com.firmos.api.messages.revenue.InvoiceDraftedEvent;
import com.firmos.api.messages.revenue.InvoiceIssuedEvent;
import com.firmos.api.messages.revenue.InvoiceLinesAddedEvent;
import com.firmos.api.messages.revenue.InvoiceNumberAssignedEvent;
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleCreatedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleEndedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;
import com.firmos.api.messages.revenue.TimeEntryBilledEvent;
import com.firmos.api.messages.revenue.TimeEntryCorrectedEvent;
import com.firmos.api.messages.revenue.TimeEntryDeletedEvent;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryLoggedEvent;
import com.firmos.api.messages.revenue.VendorContactErasedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;

/**
 * Describes every event for the timeline, each with an allow-list of the fields it shows: a field an event gains
 * later stays off the timeline until it is named here, and an event without a description gets none (the projector
 * writes its type alone). Activities speak the activity log's vocabulary (docs/DOMAIN.md: {@code created},
 * {@code status_change}, {@code comment}, ...); every other event is named after its class. Secrets (token and
 * password hashes) are never named. Of people's sealed data only the names of stakeholders and portal contacts are,
 * still sealed, opened for the reader when read; emails, phones and notes stay in the views that show them, and a
 * team member without an account shows by id.
 */
@Component
class TimelineDescriber {

    static final String ACTIVITY = "activity";
    private static final String OLD = "old";
    private static final String NEW = "new";

    Optional<TimelineDescription> describe(Object payload) {
        return Optional.ofNullable(switch (payload) {
            case ActivityCreatedEvent e -> entry("created", e.engagementId(), null,
                    withStatus(details(e.details()), wire(e.status())));
            case ActivityImportedFromMilestoneEvent e -> new TimelineDescription("created", e.engagementId(), null,
                    values("status", wire(e.status()), "migrated_from_milestone_id", e.milestoneId().toString()),
                    "imported from milestone " + e.milestoneId(), null, null, false);
            case ActivityDetailsEditedEvent e -> entry("details_edited", e.engagementId(),
                    changed(details(e.previous()), details(e.details())));
            case ActivityStatusChangedEvent e -> new TimelineDescription("status_change", e.engagementId(),
                    Map.of("status", wire(e.oldStatus())), statusChange(e), e.comment(), null, null, false);
            case ActivitySuggestionDismissedEvent e -> new TimelineDescription("dismissed", e.engagementId(),
                    Map.of("status", "suggestion"), null, e.comment(), null, null, false);
            case ActivityMovedEvent e -> entry("moved", e.engagementId(), Map.of("time_bucket",
                    wire(e.fromBucket())), values("time_bucket", wire(e.toBucket()), "position", e.position()));
            // A comment's entries are its activity's, whether its activity's stream holds them or its own (V29).
            case ActivityCommentedEvent e -> new TimelineDescription("comment", e.engagementId(), null,
                    Map.of("comment_id", e.commentId().toString()), e.text(), ACTIVITY, e.activityId().toString(),
                    false);
            case ActivityCommentEditedEvent e -> new TimelineDescription("comment_edited", e.engagementId(),
                    Map.of("text", e.oldText()), Map.of("text", e.text()), e.text(), ACTIVITY,
                    e.activityId().toString(), false);
            case ActivityCommentDeletedEvent e -> new TimelineDescription("comment_deleted", e.engagementId(),
                    Map.of("comment_id", e.commentId().toString()), null, null, ACTIVITY, e.activityId().toString(),
                    false);
            case ActivityResourceAddedEvent e -> entry("resource_added", e.engagementId(), null,
                    resource(e.resource().resourceId(), e.resource().title()));
            case ActivityResourceRemovedEvent e -> entry("resource_removed", e.engagementId(),
                    resource(e.resourceId(), e.title()), null);
            case ActivityResourcesReorderedEvent e -> named(e, e.engagementId(), null,
                    values("resourceIds", e.resourceIds()));
            case ActivityLinkedToWinningMoveEvent e -> entry("winning_move_linked", e.engagementId(), null,
                    values("winning_move_id", e.winningMoveId().toString(), "title", e.winningMoveTitle()));
            case WinningMoveContributionCompletedEvent e -> entry("winning_move_contribution_completed",
                    e.engagementId(), values("winning_move_id", e.winningMoveId().toString(), "completed", false),
                    values("winning_move_id", e.winningMoveId().toString(), "completed", true));
            case ActivityUnlinkedFromWinningMoveEvent e -> entry("winning_move_unlinked", e.engagementId(),
                    Map.of("winning_move_id", e.winningMoveId().toString()), null);
            case ActivityTeamAssignedEvent e -> entry("assignment_changed", e.engagementId(),
                    values("team", e.oldTeam()), values("team", e.newTeam()));
            case ActivityTeamMemberAddedEvent e -> entry("team_member_added", e.engagementId(), null,
                    member(e.member()));
            case ActivityTeamMemberRemovedEvent e -> entry("team_member_removed", e.engagementId(),
                    member(e.member()), null);
            case TeamMemberErasedEvent e -> named(e, null, null, values("nonUserMemberId", e.nonUserMemberId()));
            case WinningMoveCreatedEvent e -> named(e, e.engagementId(), null, values("title", e.title(),
                    "description", e.description(), "sourcePhase", e.sourcePhase(),
                    "sourceActivityId", e.sourceActivityId()));
            case WinningMoveEditedEvent e -> named(e, e.engagementId(),
                    values("title", e.oldTitle(), "description", e.oldDescription()),
                    values("title", e.title(), "description", e.description()));
            case WinningMoveStatusChangedEvent e -> entry("winning_move_status_changed", e.engagementId(),
                    Map.of("status", wire(e.oldStatus())), Map.of("status", wire(e.newStatus())));
            case ConversationStartedEvent e -> named(e, e.engagementId(), null, values("subject", e.subject()));
            case ConversationClosedEvent e -> named(e, e.engagementId(), null, null);
            case ConversationReopenedEvent e -> named(e, e.engagementId(), null, null);
            case MessagePostedEvent e -> message(e, e.engagementId(), null, values("conversationId",
                    e.conversationId(), "senderId", e.senderId(), "content", e.content(),
                    "attachments", attachments(e.attachments())), e.internal());
            case MessageEditedEvent e -> message(e, e.engagementId(), values("content", e.oldContent()),
                    values("content", e.content()), e.internal());
            case MessageDeletedEvent e -> message(e, e.engagementId(), null,
                    values("conversationId", e.conversationId(), "deletedAt", e.deletedAt()), e.internal());
            case ClientCreatedEvent e -> named(e, null, null, values("name", e.name(), "status", e.status(),
                    "budget", e.budget(), "deadline", e.deadline()));
            case ClientProfileEditedEvent e -> named(e, null, null, values("name", e.name(), "status", e.status(),
                    "budget", e.budget(), "deadline", e.deadline()));
            case ClientAssignedEvent e -> named(e, null, null, values("userId", e.userId(), "role", e.role()));
            case ClientUnassignedEvent e -> named(e, null, null, values("userId", e.userId()));
            case CompetitorCreatedEvent e -> named(e, null, null, values("name", e.name(),
                    "strengths", e.strengths(), "weaknesses", e.weaknesses(), "pricing", e.pricing()));
            case CompetitorEditedEvent e -> named(e, null, null, values("name", e.name(),
                    "strengths", e.strengths(), "weaknesses", e.weaknesses(), "pricing", e.pricing()));
            case CompetitorMentionedEvent e -> named(e, null, values("status", e.oldStatus()),
                    values("clientId", e.clientId(), "competitorId", e.competitorId(), "status", e.status()));
            case DealCreatedEvent e -> named(e, null, null, values("clientId", e.clientId(), "name", e.name(),
                    "type", e.type(), "source", e.source(), "value", e.value(),
                    "expectedCloseDate", e.expectedCloseDate(), "ownerId", e.ownerId()));
            case DealEditedEvent e -> named(e, null, null, values("clientId", e.clientId(), "name", e.name(),
                    "type", e.type(), "source", e.source(), "value", e.value(),
                    "expectedCloseDate", e.expectedCloseDate(), "ownerId", e.ownerId()));
            case DealStageChangedEvent e -> named(e, null, values("stage", e.oldStage()), values("stage",
                    e.newStage(), "probability", e.probability(), "changedAt", e.changedAt()));
            case DealLostEvent e -> named(e, null, values("stage", e.fromStage()), values("lossReason",
                    e.lossReason(), "closedOn", e.closedOn()));
            case DealWonEvent e -> named(e, null, null, values("name", e.name(), "value", e.value(),
                    "closedOn", e.closedOn(), "openedEngagementId", e.openedEngagementId()));
            case InteractionLoggedEvent e -> named(e, null, null, interaction(e.clientId(), e.details()));
            case InteractionCorrectedEvent e -> named(e, null, null, interaction(e.clientId(), e.details()));
            case InteractionDeletedEvent e -> named(e, null, null, values("clientId", e.clientId()));
            case MeddpiccFieldSetEvent e -> named(e, null, values("field", e.field(), "value", e.oldValue()),
                    values("field", e.field(), "value", e.value()));
            case StakeholderAddedEvent e -> named(e, null, null, stakeholder(e.stakeholderId(), e.details()));
            case StakeholderEditedEvent e -> named(e, null, null, stakeholder(e.stakeholderId(), e.details()));
            case StakeholderRemovedEvent e -> named(e, null, null, values("stakeholderId", e.stakeholderId()));
            case StakeholderErasedEvent e -> named(e, null, null, values("stakeholderId", e.stakeholderId()));
            case EngagementOpenedEvent e -> named(e, e.engagementId(), null, values("clientId", e.clientId(),
                    "name", e.name(), "phase", e.phase(), "dealId", e.dealId(), "proposalId", e.proposalId(),
                    "contractId", e.contractId(), "budget", e.budget()));
            case EngagementRenamedEvent e -> named(e, e.engagementId(), values("name", e.oldName()),
                    values("name", e.name()));
            case EngagementPhaseChangedEvent e -> new TimelineDescription(type(e), e.engagementId(),
                    values("phase", e.oldPhase()), values("phase", e.newPhase()), e.reason(), null, null, false);
            case EngagementPausedEvent e -> named(e, e.engagementId(), null, null);
            case EngagementResumedEvent e -> named(e, e.engagementId(), null, null);
            case EngagementClosedEvent e -> named(e, e.engagementId(), values("status", e.previousStatus()),
                    values("status", "closed", "outcome", e.outcome(), "closedAt", e.closedAt()));
            case EngagementFundedEvent e -> named(e, e.engagementId(), null, values("orderId", e.orderId()));
            case OrderPlacedEvent e -> named(e, e.engagementId(), null, values("proposalId", e.proposalId(),
                    "amount", e.amount(), "currency", e.currency()));
            case ProposalDraftedEvent e -> named(e, null, null, values("clientId", e.clientId(), "dealId",
                    e.dealId(), "fundedEngagementId", e.fundedEngagementId(), "title", e.title(),
                    "amount", e.amount()));
            case ProposalEditedEvent e -> named(e, null, values("title", e.oldTitle(), "amount", e.oldAmount()),
                    values("title", e.title(), "amount", e.amount()));
            case ProposalStatusChangedEvent e -> named(e, null, values("status", e.oldStatus()),
                    values("status", e.newStatus()));
            case ProposalAcceptedEvent e -> new TimelineDescription("proposal_accepted", e.convertedEngagementId(),
                    Map.of("status", "viewed"), values("status", "accepted", "engagement_id",
                    e.convertedEngagementId().toString(), "order_id", e.orderId().toString()), null, null, null,
                    false);
            case HypothesisAddedEvent e -> named(e, null, null, hypothesis(e.toolSlug(), e.hypothesisId(),
                    e.details()));
            case HypothesisEditedEvent e -> named(e, null, null, hypothesis(e.toolSlug(), e.hypothesisId(),
                    e.details()));
            case HypothesisRemovedEvent e -> named(e, null, null, values("toolSlug", e.toolSlug(),
                    "hypothesisId", e.hypothesisId()));
            case TeamAssessmentAddedEvent e -> named(e, null, null, assessment(e.toolSlug(), e.assessmentId(),
                    e.details()));
            case TeamAssessmentEditedEvent e -> named(e, null, null, assessment(e.toolSlug(), e.assessmentId(),
                    e.details()));
            case TeamAssessmentRemovedEvent e -> named(e, null, null, values("toolSlug", e.toolSlug(),
                    "assessmentId", e.assessmentId()));
            case ToolAccessGrantedEvent e -> named(e, null, null, values("userId", e.userId(), "toolSlug",
                    e.toolSlug(), "level", e.level(), "expiresAt", e.expiresAt(), "grantedBy", e.grantedBy()));
            case ToolAccessRevokedEvent e -> named(e, null, null, values("userId", e.userId(),
                    "toolSlug", e.toolSlug()));
            case ToolDocumentStartedEvent e -> named(e, null, null, values("toolSlug", e.toolSlug()));
            // The document itself is in its versions (/versions, /diff), not repeated on every save.
            case ToolDocumentSavedEvent e -> named(e, null, null, values("toolSlug", e.toolSlug(),
                    "version", e.version()));
            case ToolDocumentStatusChangedEvent e -> named(e, null, values("status", e.from()),
                    values("toolSlug", e.toolSlug(), "status", e.to()));
            // Never the token's or the password's hash: whether a password is set is all the timeline tells.
            case PortalAccessGrantedEvent e -> named(e, e.engagementId(), null, values("clientId", e.clientId(),
                    "contactName", e.contactName(), "sections", e.sections(), "expiresAt", e.expiresAt(),
                    "singleUse", e.singleUse(), "passwordProtected", e.passwordHash() != null));
            case PortalLinkRotatedEvent e -> named(e, e.engagementId(), null, null);
            case PortalLinkExchangedEvent e -> named(e, e.engagementId(), null, values("at", e.at()));
            case PortalAccessRevokedEvent e -> named(e, e.engagementId(), null, null);
            case PortalContactErasedEvent e -> named(e, e.engagementId(), null, null);
            case ProjectCreatedEvent e -> named(e, e.engagementId(), null, values("name", e.name(),
                    "description", e.description(), "serviceTemplateId", e.serviceTemplateId()));
            case ProjectEditedEvent e -> named(e, e.engagementId(),
                    values("name", e.oldName(), "description", e.oldDescription()),
                    values("name", e.name(), "description", e.description()));
            case ProjectPhaseChangedEvent e -> named(e, e.engagementId(), values("phase", e.oldPhase()),
                    values("phase", e.newPhase()));
            case ProjectStatusChangedEvent e -> named(e, e.engagementId(), values("status", e.oldStatus()),
                    values("status", e.newStatus(), "completedAt", e.completedAt()));
            case ProjectDeletedEvent e -> named(e, e.engagementId(), null, values("deletedAt", e.deletedAt()));
            case TaskCreatedEvent e -> named(e, e.engagementId(), null,
                    with(task(e.details()), "projectId", e.projectId(), "assigneeId", e.assigneeId()));
            case TaskEditedEvent e -> named(e, e.engagementId(), changed(task(e.previous()), task(e.details())));
            case TaskAssignedEvent e -> named(e, e.engagementId(), values("assigneeId", e.oldAssigneeId()),
                    values("assigneeId", e.assigneeId()));
            case TaskStatusChangedEvent e -> named(e, e.engagementId(), values("status", e.oldStatus()),
                    values("status", e.newStatus(), "completedAt", e.completedAt()));
            case RelationAddedEvent e -> new TimelineDescription("relation_added", null, null, relation(e.source(),
                    e.target(), e.relationType(), e.label()), null, "relation", e.relationId().toString(), false);
            case RelationRemovedEvent e -> new TimelineDescription("relation_removed", null, relation(e.source(),
                    e.target(), e.relationType(), null), null, null, "relation", e.relationId().toString(), false);
            case VendorRegisteredEvent e -> named(e, null, null, values("name", e.name()));
            case VendorContactErasedEvent e -> named(e, null, null, null);
            case BillRecordedEvent e -> named(e, e.engagementId(), null, values("vendorId", e.vendorId(),
                    "engagementId", e.engagementId(), "vendorReference", e.vendorReference(), "amount", e.amount(),
                    "currency", e.currency(), "dueDate", e.dueDate(), "description", e.description()));
            case BillApprovedEvent e -> named(e, null, null, null);
            case BillRejectedEvent e -> named(e, null, null, values("reason", e.reason()));
            case BillPaidEvent e -> named(e, null, null, values("paidOn", e.paidOn()));
            case BillCancelledEvent e -> named(e, null, null, values("reason", e.reason()));
            case InvoiceDraftedEvent e -> named(e, null, null, with(draft(e.draft()), "total", e.total()));
            case InvoiceDraftEditedEvent e -> named(e, null, null, with(draft(e.draft()), "total", e.total()));
            case InvoiceLinesAddedEvent e -> named(e, null, null, values("clientId", e.clientId(),
                    "lines", lines(e.lines()), "timeEntryIds", e.timeEntryIds(), "total", e.total()));
            case InvoiceNumberAssignedEvent e -> named(e, null, null, values("invoiceId", e.invoiceId(),
                    "number", e.number(), "sequence", e.sequence()));
            case InvoiceIssuedEvent e -> named(e, null, null, values("clientId", e.clientId(), "number",
                    e.number(), "sequence", e.sequence(), "dueDate", e.dueDate(), "total", e.total()));
            case InvoiceViewedEvent e -> named(e, null, null, values("clientId", e.clientId()));
            case InvoiceOverdueEvent e -> named(e, null, null, values("clientId", e.clientId(),
                    "dueDate", e.dueDate()));
            case PaymentRecordedEvent e -> named(e, null, null, values("clientId", e.clientId(), "paymentId",
                    e.paymentId(), "amount", e.amount(), "paidOn", e.paidOn(), "method", e.method(),
                    "reference", e.reference(), "balanceDue", e.balanceDue()));
            case InvoicePaidEvent e -> named(e, null, null, values("clientId", e.clientId(), "paidOn", e.paidOn()));
            case InvoiceCancelledEvent e -> named(e, null, values("status", e.previousStatus()),
                    values("clientId", e.clientId(), "status", "cancelled", "reason", e.reason()));
            case InvoiceScheduleCreatedEvent e -> named(e, null, null,
                    with(terms(e.terms()), "firstOn", e.firstOn()));
            case InvoiceScheduleEndedEvent e -> named(e, null, null, null);
            case ScheduledInvoiceDueEvent e -> named(e, null, null, values("periodOn", e.periodOn(),
                    "invoiceId", e.invoiceId(), "nextOn", e.nextOn()));
            case TimeEntryLoggedEvent e -> named(e, e.engagementId(), null, timeEntry(e.details()));
            case TimeEntryCorrectedEvent e -> named(e, e.engagementId(), null, timeEntry(e.details()));
            case TimeEntryBilledEvent e -> named(e, e.engagementId(), null, values("invoiceId", e.invoiceId()));
            case TimeEntryDeletedEvent e -> named(e, e.engagementId(), null, null);
            default -> null;
        });
    }

    /**
     * Whether the event gets an entry at all: an adoption (V29) only gave a comment a stream of its own, which is
     * no one's act and changed nothing anyone sees.
     */
    static boolean recorded(Object payload) {
        return !(payload instanceof ActivityCommentAdoptedEvent);
    }

    /** The entry of an event without a description: its type, nothing of its payload. */
    static TimelineDescription undescribed(Object payload) {
        return new TimelineDescription(type(payload), null, null, null, null, null, null, false);
    }

    private static TimelineDescription entry(String type, UUID engagement, Map<String, Object> oldValue,
            Map<String, Object> newValue) {
        return new TimelineDescription(type, engagement, oldValue, newValue, null, null, null, false);
    }

    private static TimelineDescription entry(String type, UUID engagement, Map<String, Map<String, Object>> change) {
        return entry(type, engagement, change.get(OLD), change.get(NEW));
    }

    /** An entry typed after the event's class. */
    private static TimelineDescription named(Object event, UUID engagement, Map<String, Object> oldValue,
            Map<String, Object> newValue) {
        return entry(type(event), engagement, oldValue, newValue);
    }

    private static TimelineDescription named(Object event, UUID engagement, Map<String, Map<String, Object>> change) {
        return entry(type(event), engagement, change);
    }

    /** A message's entry is staff-only when the message is internal. */
    private static TimelineDescription message(Object event, UUID engagement, Map<String, Object> oldValue,
            Map<String, Object> newValue, boolean internal) {
        return new TimelineDescription(type(event), engagement, oldValue, newValue, null, null, null, internal);
    }

    /** Of two descriptions, the fields that differ, before and after. */
    private static Map<String, Map<String, Object>> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> oldValue = new LinkedHashMap<>();
        Map<String, Object> newValue = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                oldValue.put(field, before.get(field));
                newValue.put(field, value);
            }
        });
        return Map.of(OLD, oldValue, NEW, newValue);
    }

    private static Map<String, Object> statusChange(ActivityStatusChangedEvent event) {
        Map<String, Object> value = values("status", wire(event.newStatus()));
        if (event.completedBy() != null) {
            value.put("completedBy", event.completedBy());
            value.put("completedAt", event.completedAt().toString());
        }
        if (event.scoreData() != null) {
            value.put("scoreData", score(event.scoreData()));
        }
        return value;
    }

    private static Map<String, Object> score(ScoreData score) {
        return values("level", score.level(), "metrics", score.metrics() == null ? null : score.metrics().stream()
                .map(metric -> values("label", metric.label(), "value", metric.value())).toList());
    }

    private static Map<String, Object> details(ActivityDetails details) {
        return values("title", details.title(), "description", details.description(), "icon", details.icon(),
                "iconColor", details.iconColor(), "phase", wire(details.phase()),
                "timeBucket", wire(details.timeBucket()), "scheduledDate", details.scheduledDate(),
                "dueDate", details.dueDate(), "orderIndex", details.orderIndex());
    }

    private static Map<String, Object> withStatus(Map<String, Object> values, String status) {
        values.put("status", status);
        return values;
    }

    private static Map<String, Object> resource(UUID resourceId, String title) {
        return values("resource_id", resourceId.toString(), "title", title);
    }

    /** A person without an account shows by id only; their name and email stay with the planning view. */
    private static Map<String, Object> member(TeamMember member) {
        return values("user_id", member.userId(),
                "non_user_member_id", member.nonUserMemberId() == null ? null : member.nonUserMemberId().toString(),
                "role", member.role());
    }

    /** A stakeholder by name, sealed, title and roles; email, phone and notes stay with the client 360. */
    private static Map<String, Object> stakeholder(UUID stakeholderId, StakeholderDetails details) {
        return values("stakeholderId", stakeholderId, "name", details.name(), "title", details.title(),
                "roles", details.roles(), "engagementLevel", details.engagementLevel());
    }

    private static Map<String, Object> interaction(UUID clientId, InteractionDetails details) {
        return values("clientId", clientId, "type", details.type(), "subject", details.subject(),
                "description", details.description(), "occurredAt", details.occurredAt(),
                "durationMinutes", details.durationMinutes(), "stakeholderIds", details.stakeholderIds(),
                "dealId", details.dealId(), "projectId", details.projectId(), "sentiment", details.sentiment());
    }

    private static Map<String, Object> hypothesis(String toolSlug, UUID hypothesisId, HypothesisDetails details) {
        return values("toolSlug", toolSlug, "hypothesisId", hypothesisId, "text", details.text(),
                "category", details.category(), "priority", details.priority(), "tested", details.tested(),
                "results", details.results());
    }

    private static Map<String, Object> assessment(String toolSlug, UUID assessmentId,
            TeamAssessmentDetails details) {
        return values("toolSlug", toolSlug, "assessmentId", assessmentId, "memberName", details.memberName(),
                "role", details.role(), "energy", details.energy(), "skill", details.skill(),
                "values", details.values(), "impact", details.impact(), "rating", details.rating(),
                "notes", details.notes(), "actionItems", details.actionItems());
    }

    private static Map<String, Object> task(TaskDetails details) {
        return values("title", details.title(), "description", details.description(),
                "priority", details.priority(), "effort", details.effort(), "dueDate", details.dueDate(),
                "milestone", details.milestone(), "critical", details.critical(),
                "projectPhase", details.projectPhase());
    }

    private static Map<String, Object> draft(InvoiceDraft draft) {
        return values("clientId", draft.clientId(), "engagementId", draft.engagementId(),
                "projectIds", draft.projectIds(), "lines", lines(draft.lines()), "dueDate", draft.dueDate(),
                "recipientStakeholderId", draft.recipientStakeholderId(), "notes", draft.notes());
    }

    private static Map<String, Object> terms(InvoiceScheduleTerms terms) {
        return values("clientId", terms.clientId(), "engagementId", terms.engagementId(),
                "lines", lines(terms.lines()), "cadence", terms.cadence(), "dayOfMonth", terms.dayOfMonth(),
                "startOn", terms.startOn(), "endOn", terms.endOn(), "dueInDays", terms.dueInDays(),
                "recipientStakeholderId", terms.recipientStakeholderId(), "notes", terms.notes());
    }

    private static List<Map<String, Object>> lines(List<LineItem> lines) {
        return lines == null ? null : lines.stream().map(line -> values("description", line.description(),
                "quantity", line.quantity(), "unitPrice", line.unitPrice(), "amount", line.amount())).toList();
    }

    private static Map<String, Object> timeEntry(TimeEntryDetails details) {
        return values("userId", details.userId(), "projectId", details.projectId(), "taskId", details.taskId(),
                "hours", details.hours(), "workedOn", details.workedOn(), "billable", details.billable(),
                "note", details.note());
    }

    private static List<Map<String, Object>> attachments(List<Attachment> attachments) {
        return attachments == null ? null : attachments.stream().map(attachment -> values("name",
                attachment.name(), "url", attachment.url(), "size", attachment.size())).toList();
    }

    private static Map<String, Object> relation(EntityReference source, EntityReference target, RelationType type,
            String label) {
        return values("source", source.type() + ":" + source.id(), "target", target.type() + ":" + target.id(),
                "relation_type", wire(type), "label", label);
    }

    private static Map<String, Object> with(Map<String, Object> values, Object... keysAndValues) {
        values.putAll(values(keysAndValues));
        return values;
    }

    /** An ordered map that keeps nulls, which {@code Map.of} refuses. */
    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** {@code ProjectPhaseChangedEvent} is {@code project_phase_changed}. */
    private static String type(Object event) {
        return snakeCase(event.getClass().getSimpleName().replaceFirst("Event$", ""));
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
