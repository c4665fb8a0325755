package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityResourcesReorderedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.AddActivityResourceCommand;
import com.firmos.api.messages.activity.AddActivityTeamMemberCommand;
import com.firmos.api.messages.activity.AssignActivityTeamCommand;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CompleteWinningMoveContributionCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.DismissActivitySuggestionCommand;
import com.firmos.api.messages.activity.EditActivityDetailsCommand;
import com.firmos.api.messages.activity.ImportMilestoneCommand;
import com.firmos.api.messages.activity.MoveActivityCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.RemoveActivityResourceCommand;
import com.firmos.api.messages.activity.RemoveActivityTeamMemberCommand;
import com.firmos.api.messages.activity.ReorderActivityResourcesCommand;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.UnlinkActivityFromWinningMoveCommand;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementFacts;
import com.firmos.command.engagement.EngagementLookup;

/** A Living Playbook activity: always in one engagement of one tenant. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "activityCache")
// Raised whenever the snapshot's shape changes: snapshots of another revision are ignored, not misread.
@Revision("3")
class Activity {

    static final int TEAM_MAX = 100;

    @AggregateIdentifier
    private UUID activityId;
    private String organizationId;
    private UUID engagementId;
    private UUID migratedFromMilestoneId;
    // Kept whole because edits emit only real changes and carry the previous details for the timeline.
    private ActivityDetails details;
    private ActivityLifecycle lifecycle;
    private String team;
    private List<TeamMember> members = new ArrayList<>();
    // Resource id to title, in board order: removals name the title, reorders must be permutations.
    private LinkedHashMap<UUID, String> resources = new LinkedHashMap<>();
    // Winning move id to whether the contribution is completed.
    private Map<UUID, Boolean> winningMoves = new LinkedHashMap<>();

    Activity() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (activityId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    /**
     * Creation is idempotent: a retry of the same create finds the activity and does nothing, while a
     * different create under a taken id is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateActivityCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (activityId != null) {
            refuseDifferentCreate(command);
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        ActivityDetailsPolicy.check(command.details());
        if (command.status() != ActivityStatus.PLANNED && command.status() != ActivityStatus.SUGGESTION) {
            throw DomainException.invalid("status", "a new activity is planned or a suggestion");
        }
        EngagementFacts engagement = engagements.requireOpen(command.engagementId(), command.organizationId());
        apply(new ActivityCreatedEvent(command.activityId(), command.organizationId(), command.engagementId(),
                inPhase(command.details(), engagement.phase()), command.status()));
    }

    /** A milestone of the old Workbench keeps its status and completion; importing it twice changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportMilestoneCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (activityId != null) {
            if (!organizationId.equals(command.organizationId())
                    || !command.milestoneId().equals(migratedFromMilestoneId)) {
                throw Refusals.idTaken();
            }
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        ActivityDetailsPolicy.check(command.details());
        if (command.status() == null || ActivityLifecycle.of(command.status()) == ActivityLifecycle.SUGGESTION) {
            throw DomainException.invalid("status", "a milestone is planned, in progress, done or skipped");
        }
        EngagementFacts engagement = engagements.requireOpen(command.engagementId(), command.organizationId());
        apply(new ActivityImportedFromMilestoneEvent(command.activityId(), command.organizationId(),
                command.engagementId(), command.milestoneId(), inPhase(command.details(), engagement.phase()),
                command.status(), command.completedAt(), command.completedBy()));
    }

    @CommandHandler
    void handle(EditActivityDetailsCommand command) {
        requireChangeable(command.organizationId());
        ActivityDetailsPolicy.check(command.details());
        if (details.equals(command.details())) {
            return;
        }
        apply(new ActivityDetailsEditedEvent(activityId, organizationId, engagementId, details, command.details()));
    }

    @CommandHandler
    void handle(ChangeActivityStatusCommand command) {
        requireTenant(command.organizationId());
        FieldRules.required("status", command.status());
        if (!lifecycle.canMoveTo(command.status())) {
            throw refusedMove(command.status());
        }
        boolean completing = command.status() == ActivityStatus.DONE;
        if (command.scoreData() != null) {
            if (!completing) {
                throw DomainException.invalid("scoreData", "scoreData is recorded only when completing");
            }
            ScoreDataPolicy.check(command.scoreData());
        }
        apply(new ActivityStatusChangedEvent(activityId, organizationId, engagementId, lifecycle.status(),
                command.status(), command.comment(), completing ? command.changedBy() : null,
                completing ? now() : null, command.scoreData()));
    }

    @CommandHandler
    void handle(DismissActivitySuggestionCommand command) {
        requireTenant(command.organizationId());
        if (lifecycle != ActivityLifecycle.SUGGESTION) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "status",
                    "only a suggestion can be dismissed; this activity is " + describe(lifecycle));
        }
        apply(new ActivitySuggestionDismissedEvent(activityId, organizationId, engagementId, command.comment()));
    }

    @CommandHandler
    void handle(MoveActivityCommand command) {
        requireChangeable(command.organizationId());
        FieldRules.required("timeBucket", command.timeBucket());
        ActivityDetailsPolicy.checkPosition("position", command.position());
        apply(new ActivityMovedEvent(activityId, organizationId, engagementId, details.timeBucket(),
                command.timeBucket(), command.position()));
    }

    @CommandHandler
    void handle(AddActivityResourceCommand command) {
        requireChangeable(command.organizationId());
        ResourcePolicy.check(command.resource());
        if (resources.containsKey(command.resource().resourceId())) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "resourceId", "the resource is already attached");
        }
        if (resources.size() >= ResourcePolicy.RESOURCES_MAX) {
            throw DomainException.invalid("resource", "an activity has at most " + ResourcePolicy.RESOURCES_MAX
                    + " resources");
        }
        apply(new ActivityResourceAddedEvent(activityId, organizationId, engagementId, command.resource()));
    }

    @CommandHandler
    void handle(RemoveActivityResourceCommand command) {
        requireChangeable(command.organizationId());
        String title = resources.get(command.resourceId());
        if (title == null) {
            throw DomainException.notFound("resource");
        }
        apply(new ActivityResourceRemovedEvent(activityId, organizationId, engagementId, command.resourceId(),
                title));
    }

    @CommandHandler
    void handle(ReorderActivityResourcesCommand command) {
        requireChangeable(command.organizationId());
        FieldRules.required("resourceIds", command.resourceIds());
        boolean permutation = command.resourceIds().size() == resources.size()
                && new HashSet<>(command.resourceIds()).equals(resources.keySet());
        if (!permutation) {
            throw DomainException.invalid("resourceIds", "resourceIds must name every resource of the activity"
                    + " exactly once");
        }
        if (List.copyOf(resources.keySet()).equals(command.resourceIds())) {
            return;
        }
        apply(new ActivityResourcesReorderedEvent(activityId, organizationId, engagementId,
                List.copyOf(command.resourceIds())));
    }

    @CommandHandler
    void handle(AssignActivityTeamCommand command) {
        requireChangeable(command.organizationId());
        String newTeam = command.team() == null || command.team().isBlank() ? null : command.team().strip();
        FieldRules.maxLength("team", newTeam, TEAM_MAX);
        if (Objects.equals(team, newTeam)) {
            return;
        }
        apply(new ActivityTeamAssignedEvent(activityId, organizationId, engagementId, team, newTeam));
    }

    @CommandHandler
    void handle(AddActivityTeamMemberCommand command) {
        requireChangeable(command.organizationId());
        TeamMemberPolicy.check(command.member(), members);
        apply(new ActivityTeamMemberAddedEvent(activityId, organizationId, engagementId, command.member()));
    }

    @CommandHandler
    void handle(RemoveActivityTeamMemberCommand command) {
        requireChangeable(command.organizationId());
        TeamMember member = members.stream()
                .filter(existing -> command.userId() != null
                        ? command.userId().equals(existing.userId())
                        : Objects.equals(command.nonUserMemberId(), existing.nonUserMemberId())
                                && existing.nonUserMemberId() != null)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("team member"));
        apply(new ActivityTeamMemberRemovedEvent(activityId, organizationId, engagementId, member));
    }

    @CommandHandler
    void handle(CompleteWinningMoveContributionCommand command) {
        requireChangeable(command.organizationId());
        Boolean completed = winningMoves.get(command.winningMoveId());
        if (completed == null) {
            throw DomainException.notFound("link to that winning move");
        }
        if (completed) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "winningMoveId",
                    "the contribution to this winning move is already completed");
        }
        apply(new WinningMoveContributionCompletedEvent(activityId, organizationId, engagementId,
                command.winningMoveId(), now()));
    }

    @CommandHandler
    void handle(UnlinkActivityFromWinningMoveCommand command) {
        requireChangeable(command.organizationId());
        if (!winningMoves.containsKey(command.winningMoveId())) {
            throw DomainException.notFound("link to that winning move");
        }
        apply(new ActivityUnlinkedFromWinningMoveEvent(activityId, organizationId, engagementId,
                command.winningMoveId()));
    }

    /** Called by {@link WinningMoveLinking}, which has checked that the move exists and accepts links. */
    void linkWinningMove(String callerOrganizationId, UUID winningMoveId, String winningMoveTitle) {
        requireChangeable(callerOrganizationId);
        if (winningMoves.containsKey(winningMoveId)) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "winningMoveId",
                    "the activity is already linked to this winning move");
        }
        apply(new ActivityLinkedToWinningMoveEvent(activityId, organizationId, engagementId, winningMoveId,
                winningMoveTitle));
    }

    /** The engagement, for callers that check a related aggregate against it; another tenant's is missing. */
    UUID engagementOf(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        return engagementId;
    }

    /** For {@link Comment}s, through {@link RepositoryActivityLookup}; an id of no activity is missing too. */
    ActivityFacts factsForComments(String callerOrganizationId) {
        if (activityId == null) {
            throw RepositoryActivityLookup.unknown();
        }
        requireTenant(callerOrganizationId);
        return new ActivityFacts(activityId, engagementId, lifecycle == ActivityLifecycle.DISMISSED);
    }

    @EventSourcingHandler
    void on(ActivityCreatedEvent event) {
        activityId = event.activityId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        details = event.details();
        lifecycle = ActivityLifecycle.of(event.status());
    }

    @EventSourcingHandler
    void on(ActivityImportedFromMilestoneEvent event) {
        activityId = event.activityId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        migratedFromMilestoneId = event.milestoneId();
        details = event.details();
        lifecycle = ActivityLifecycle.of(event.status());
    }

    @EventSourcingHandler
    void on(ActivityDetailsEditedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ActivityStatusChangedEvent event) {
        lifecycle = ActivityLifecycle.of(event.newStatus());
    }

    @EventSourcingHandler
    void on(ActivitySuggestionDismissedEvent event) {
        lifecycle = ActivityLifecycle.DISMISSED;
    }

    @EventSourcingHandler
    void on(ActivityMovedEvent event) {
        details = new ActivityDetails(details.title(), details.description(), details.icon(), details.iconColor(),
                details.phase(), event.toBucket(), details.scheduledDate(), details.dueDate(), event.position());
    }

    @EventSourcingHandler
    void on(ActivityResourceAddedEvent event) {
        resources.put(event.resource().resourceId(), event.resource().title());
    }

    @EventSourcingHandler
    void on(ActivityResourceRemovedEvent event) {
        resources.remove(event.resourceId());
    }

    @EventSourcingHandler
    void on(ActivityResourcesReorderedEvent event) {
        LinkedHashMap<UUID, String> reordered = new LinkedHashMap<>();
        event.resourceIds().forEach(id -> reordered.put(id, resources.get(id)));
        resources = reordered;
    }

    @EventSourcingHandler
    void on(ActivityTeamAssignedEvent event) {
        team = event.newTeam();
    }

    @EventSourcingHandler
    void on(ActivityTeamMemberAddedEvent event) {
        members.add(event.member());
    }

    @EventSourcingHandler
    void on(ActivityTeamMemberRemovedEvent event) {
        members.removeIf(member -> TeamMemberPolicy.sameMember(member, event.member()));
    }

    @EventSourcingHandler
    void on(ActivityLinkedToWinningMoveEvent event) {
        winningMoves.put(event.winningMoveId(), false);
    }

    @EventSourcingHandler
    void on(WinningMoveContributionCompletedEvent event) {
        winningMoves.put(event.winningMoveId(), true);
    }

    @EventSourcingHandler
    void on(ActivityUnlinkedFromWinningMoveEvent event) {
        winningMoves.remove(event.winningMoveId());
    }

    /** The details with the phase the engagement gives an activity created without one. */
    private static ActivityDetails inPhase(ActivityDetails requested, PlaybookPhase engagementPhase) {
        if (requested.phase() != null) {
            return requested;
        }
        return new ActivityDetails(requested.title(), requested.description(), requested.icon(),
                requested.iconColor(), engagementPhase, requested.timeBucket(), requested.scheduledDate(),
                requested.dueDate(), requested.orderIndex());
    }

    private void refuseDifferentCreate(CreateActivityCommand command) {
        boolean sameCreate = organizationId.equals(command.organizationId())
                && Objects.equals(engagementId, command.engagementId())
                && command.details() != null
                && Objects.equals(details, inPhase(command.details(), details.phase()));
        if (!sameCreate) {
            throw Refusals.idTaken();
        }
    }

    /** Another tenant's activity is reported as missing, so ids never leak across tenants. */
    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireChangeable(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        if (lifecycle == ActivityLifecycle.DISMISSED) {
            throw dismissedRefusal();
        }
    }

    static DomainException dismissedRefusal() {
        return new DomainException(RefusalCode.INVALID_TRANSITION, null,
                "the activity was dismissed and can no longer change");
    }

    private DomainException refusedMove(ActivityStatus target) {
        return new DomainException(RefusalCode.INVALID_TRANSITION, "status",
                "an activity that is " + describe(lifecycle) + " cannot move to " + wire(target)
                        + "; allowed: " + lifecycle.allowedTargets().stream().map(Activity::wire).toList());
    }

    private static String describe(ActivityLifecycle state) {
        return state == ActivityLifecycle.DISMISSED ? "dismissed" : wire(state.status());
    }

    private static String wire(ActivityStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
