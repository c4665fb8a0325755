package com.firmos.query.engagement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.ConversationClosedEvent;
import com.firmos.api.messages.conversation.ConversationReopenedEvent;
import com.firmos.api.messages.conversation.ConversationStartedEvent;
import com.firmos.api.messages.conversation.MessageDeletedEvent;
import com.firmos.api.messages.conversation.MessageEditedEvent;
import com.firmos.api.messages.conversation.MessagePostedEvent;
import com.firmos.api.messages.engagement.CloseOutcome;
import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementFundedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.EngagementPausedEvent;
import com.firmos.api.messages.engagement.EngagementPhaseChangedEvent;
import com.firmos.api.messages.engagement.EngagementRenamedEvent;
import com.firmos.api.messages.engagement.EngagementResumedEvent;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.engagement.ProposalStatus;
import com.firmos.api.messages.engagement.ProposalStatusChangedEvent;
import com.firmos.api.messages.project.ProjectCreatedEvent;
import com.firmos.api.messages.project.ProjectDeletedEvent;
import com.firmos.api.messages.project.ProjectEditedEvent;
import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.ProjectPhaseChangedEvent;
import com.firmos.api.messages.project.ProjectStatus;
import com.firmos.api.messages.project.ProjectStatusChangedEvent;
import com.firmos.api.messages.project.TaskAssignedEvent;
import com.firmos.api.messages.project.TaskCreatedEvent;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEditedEvent;
import com.firmos.api.messages.project.TaskEffort;
import com.firmos.api.messages.project.TaskPriority;
import com.firmos.api.messages.project.TaskStatus;
import com.firmos.api.messages.project.TaskStatusChangedEvent;
import com.firmos.query.History;

/**
 * The engagement hub's aggregates: engagements opened, renamed, paused and resumed, moved through phases (back with
 * a reason) and closed; proposals drafted, edited, sent and accepted into a new or a funded engagement with its
 * order; projects and their tasks through their lifecycles; conversations closed and reopened with public and
 * internal messages, edited and deleted.
 */
public final class EngagementHubHistory {

    private EngagementHubHistory() {
    }

    public static void write(History h) {
        UUID client = h.id();
        List<UUID> engagements = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            engagements.add(engagement(h, client, i));
        }
        proposals(h, client, engagements.getFirst());
        for (int i = 0; i < 4; i++) {
            project(h, engagements.get(i % 2), i);
        }
        for (int i = 0; i < 3; i++) {
            conversation(h, engagements.get(i % 2), i);
        }
        UUID closed = engagements.getLast();
        h.append("Engagement", closed, new EngagementClosedEvent(closed, h.tenant(), EngagementStatus.ACTIVE,
                h.pick(CloseOutcome.class), h.now()));
    }

    private static UUID engagement(History h, UUID client, int index) {
        UUID engagement = h.id();
        String name = h.text(200);
        h.append("Engagement", engagement, new EngagementOpenedEvent(engagement, h.tenant(), client, name,
                PlaybookPhase.ALIGN, h.chance(50) ? h.id() : null, null, h.chance(30) ? h.id() : null,
                h.chance(70) ? h.amount(900_000) : null));
        String renamed = h.text(200);
        h.append("Engagement", engagement, new EngagementRenamedEvent(engagement, h.tenant(), name, renamed));
        h.append("Engagement", engagement, new EngagementPhaseChangedEvent(engagement, h.tenant(), PlaybookPhase.ALIGN,
                PlaybookPhase.ACTIVATE, null));
        if (index == 1) {
            h.append("Engagement", engagement, new EngagementPausedEvent(engagement, h.tenant()));
            h.append("Engagement", engagement, new EngagementResumedEvent(engagement, h.tenant()));
            h.append("Engagement", engagement, new EngagementPhaseChangedEvent(engagement, h.tenant(),
                    PlaybookPhase.ACTIVATE, PlaybookPhase.ADOPT, null));
            h.append("Engagement", engagement, new EngagementPhaseChangedEvent(engagement, h.tenant(),
                    PlaybookPhase.ADOPT, PlaybookPhase.ALIGN, h.text(500)));
        }
        if (index == 2) {
            h.append("Engagement", engagement, new EngagementPausedEvent(engagement, h.tenant()));
        }
        return engagement;
    }

    /** One proposal funds the running engagement, one opens a new one, one is rejected, one stays a draft. */
    private static void proposals(History h, UUID client, UUID running) {
        for (int i = 0; i < 4; i++) {
            UUID proposal = h.id();
            UUID deal = h.chance(50) ? h.id() : null;
            String title = h.text(200);
            BigDecimal amount = h.amount(750_000);
            h.append("Proposal", proposal, new ProposalDraftedEvent(proposal, h.tenant(), client, deal,
                    i == 0 ? running : null, title, amount));
            String edited = h.text(200);
            BigDecimal revised = h.amount(750_000);
            h.append("Proposal", proposal, new ProposalEditedEvent(proposal, h.tenant(), title, edited, amount,
                    revised));
            if (i == 3) {
                continue;
            }
            status(h, proposal, ProposalStatus.DRAFT, ProposalStatus.SENT);
            status(h, proposal, ProposalStatus.SENT, ProposalStatus.VIEWED);
            if (i == 2) {
                status(h, proposal, ProposalStatus.VIEWED, ProposalStatus.REJECTED);
                continue;
            }
            boolean opens = i == 1;
            UUID engagement = opens ? h.id() : running;
            UUID order = h.id();
            h.append("Proposal", proposal, new ProposalAcceptedEvent(proposal, h.tenant(), client, deal, engagement,
                    opens, order, edited, revised, "Ångström Client-Signer", h.now()));
            h.bySystem(() -> {
                if (opens) {
                    h.append("Engagement", engagement, new EngagementOpenedEvent(engagement, h.tenant(), client,
                            edited, PlaybookPhase.ALIGN, deal, proposal, null, revised));
                }
                h.append("Order", order, new OrderPlacedEvent(order, h.tenant(), engagement, proposal, revised,
                        "USD"));
                if (!opens) {
                    h.append("Engagement", engagement, new EngagementFundedEvent(engagement, h.tenant(), order));
                }
            });
        }
    }

    private static void status(History h, UUID proposal, ProposalStatus from, ProposalStatus to) {
        h.append("Proposal", proposal, new ProposalStatusChangedEvent(proposal, h.tenant(), from, to));
    }

    private static void project(History h, UUID engagement, int index) {
        UUID project = h.id();
        String name = h.text(200);
        String description = h.optionalText(10_000);
        h.append("Project", project, new ProjectCreatedEvent(project, h.tenant(), engagement, name, description,
                h.chance(50) ? h.id() : null));
        h.append("Project", project, new ProjectEditedEvent(project, h.tenant(), engagement, name, h.text(200),
                description, h.optionalText(10_000)));
        ProjectPhase phase = ProjectPhase.KICKOFF;
        for (ProjectPhase next : List.of(ProjectPhase.SETUP, ProjectPhase.BUILD, ProjectPhase.SETUP)) {
            h.append("Project", project, new ProjectPhaseChangedEvent(project, h.tenant(), engagement, phase, next));
            phase = next;
        }
        for (int i = 0; i < 3; i++) {
            task(h, engagement, project, i);
        }
        switch (index) {
            case 0 -> {
                projectStatus(h, engagement, project, ProjectStatus.ACTIVE, ProjectStatus.PAUSED);
                projectStatus(h, engagement, project, ProjectStatus.PAUSED, ProjectStatus.ACTIVE);
            }
            case 1 -> projectStatus(h, engagement, project, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED);
            case 2 -> h.append("Project", project, new ProjectDeletedEvent(project, h.tenant(), engagement,
                    h.now()));
            default -> projectStatus(h, engagement, project, ProjectStatus.ACTIVE, ProjectStatus.CANCELLED);
        }
    }

    private static void projectStatus(History h, UUID engagement, UUID project, ProjectStatus from,
            ProjectStatus to) {
        h.append("Project", project, new ProjectStatusChangedEvent(project, h.tenant(), engagement, from, to,
                to == ProjectStatus.COMPLETED ? h.now() : null));
    }

    private static void task(History h, UUID engagement, UUID project, int index) {
        UUID task = h.id();
        TaskDetails details = taskDetails(h);
        String assignee = h.chance(50) ? "user_consultant" : null;
        h.append("Task", task, new TaskCreatedEvent(task, h.tenant(), engagement, project, details, assignee));
        TaskDetails edited = taskDetails(h);
        h.append("Task", task, new TaskEditedEvent(task, h.tenant(), engagement, project, details, edited));
        String next = assignee == null ? "user_lead" : null;
        h.append("Task", task, new TaskAssignedEvent(task, h.tenant(), engagement, project, assignee, next));
        List<TaskStatus> path = index == 2 ? List.of(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED)
                : List.of(TaskStatus.IN_PROGRESS, TaskStatus.REVIEW, TaskStatus.COMPLETED).subList(0, 1 + index * 2);
        TaskStatus status = TaskStatus.TODO;
        for (TaskStatus to : path) {
            h.append("Task", task, new TaskStatusChangedEvent(task, h.tenant(), engagement, project, status, to,
                    to == TaskStatus.COMPLETED ? h.now() : null));
            status = to;
        }
    }

    private static TaskDetails taskDetails(History h) {
        return new TaskDetails(h.text(200), h.optionalText(10_000), h.pick(TaskPriority.class),
                h.chance(80) ? h.pick(TaskEffort.class) : null, h.chance(60) ? h.today().plusDays(h.between(1, 40))
                        : null, h.chance(20), h.chance(20), h.chance(70) ? h.pick(ProjectPhase.class) : null);
    }

    private static void conversation(History h, UUID engagement, int index) {
        UUID conversation = h.id();
        h.append("Conversation", conversation, new ConversationStartedEvent(conversation, h.tenant(), engagement,
                h.text(255)));
        for (int i = 0; i < 5; i++) {
            UUID message = h.id();
            boolean internal = i % 2 == 1;
            String content = h.text(20_000);
            List<Attachment> attachments = h.chance(40) ? List.of(new Attachment(h.text(255),
                    "https://files.example.com/" + h.id() + "/Übersicht.pdf", h.random().nextLong(5L << 30)))
                    : List.of();
            h.append("Message", message, new MessagePostedEvent(message, h.tenant(), engagement, conversation,
                    h.pick(List.of("user_consultant", "client_contact")), content, attachments, internal));
            if (i == 2) {
                h.append("Message", message, new MessageEditedEvent(message, h.tenant(), engagement, conversation,
                        internal, content, h.text(20_000)));
            }
            if (i >= 3 && index != 1) {
                h.append("Message", message, new MessageDeletedEvent(message, h.tenant(), engagement, conversation,
                        internal, h.now()));
            }
        }
        if (index > 0) {
            h.append("Conversation", conversation, new ConversationClosedEvent(conversation, h.tenant(), engagement));
        }
        if (index == 2) {
            h.append("Conversation", conversation, new ConversationReopenedEvent(conversation, h.tenant(),
                    engagement));
        }
    }
}
