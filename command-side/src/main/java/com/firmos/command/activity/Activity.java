package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.DismissActivitySuggestionCommand;
import com.firmos.api.messages.activity.EditActivityDetailsCommand;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;

/** A Living Playbook activity: always in one engagement of one tenant. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER)
class Activity {

    @AggregateIdentifier
    private UUID activityId;
    private String organizationId;
    private UUID engagementId;
    // Kept whole because edits emit only real changes and carry the previous details for the timeline.
    private ActivityDetails details;
    private ActivityLifecycle lifecycle;

    Activity() {
    }

    /**
     * Creation is idempotent: a retry of the same create finds the activity and does nothing, while a
     * different create under a taken id is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateActivityCommand command) {
        if (activityId != null) {
            refuseDifferentCreate(command);
            return;
        }
        ActivityDetailsPolicy.check(command.details());
        if (command.engagementId() == null) {
            throw DomainException.invalid("engagementId", "engagementId is required");
        }
        if (command.status() != ActivityStatus.PLANNED && command.status() != ActivityStatus.SUGGESTION) {
            throw DomainException.invalid("status", "a new activity is planned or a suggestion");
        }
        apply(new ActivityCreatedEvent(command.activityId(), command.organizationId(), command.engagementId(),
                command.details(), command.status()));
    }

    @CommandHandler
    void handle(EditActivityDetailsCommand command) {
        requireTenant(command.organizationId());
        requireNotDismissed();
        ActivityDetailsPolicy.check(command.details());
        if (details.equals(command.details())) {
            return;
        }
        apply(new ActivityDetailsEditedEvent(activityId, organizationId, engagementId, details, command.details()));
    }

    @CommandHandler
    void handle(ChangeActivityStatusCommand command) {
        requireTenant(command.organizationId());
        if (command.status() == null) {
            throw DomainException.invalid("status", "status is required");
        }
        if (!lifecycle.canMoveTo(command.status())) {
            throw refusedMove(command.status());
        }
        boolean completing = command.status() == ActivityStatus.DONE;
        apply(new ActivityStatusChangedEvent(activityId, organizationId, engagementId, lifecycle.status(),
                command.status(), command.comment(), completing ? command.changedBy() : null,
                completing ? now() : null));
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

    @EventSourcingHandler
    void on(ActivityCreatedEvent event) {
        activityId = event.activityId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
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

    private void refuseDifferentCreate(CreateActivityCommand command) {
        boolean sameCreate = organizationId.equals(command.organizationId())
                && Objects.equals(engagementId, command.engagementId())
                && Objects.equals(details, command.details());
        if (!sameCreate) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "id",
                    "an activity with this id already exists with other content");
        }
    }

    /** Another tenant's activity is reported as missing, so ids never leak across tenants. */
    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("activity");
        }
    }

    private void requireNotDismissed() {
        if (lifecycle == ActivityLifecycle.DISMISSED) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, null,
                    "the activity was dismissed and can no longer change");
        }
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
