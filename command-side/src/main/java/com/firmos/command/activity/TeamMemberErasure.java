package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.EraseTeamMemberCommand;
import com.firmos.api.messages.activity.TeamMemberErasedEvent;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * The erasure of a person without an account: they may be on the teams of many activities, and the erasure
 * belongs to the person, not to any one of them. It is keyed by tenant and person
 * ({@link EraseTeamMemberCommand#erasureIdOf}): keyed by the person's id alone, another tenant erasing that id
 * first would have taken the aggregate and blocked this tenant's own erasure.
 */
@Aggregate
class TeamMemberErasure {

    @AggregateIdentifier
    private UUID erasureId;
    private UUID nonUserMemberId;
    private String organizationId;

    TeamMemberErasure() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EraseTeamMemberCommand command) {
        if (erasureId != null) {
            if (!organizationId.equals(command.organizationId())
                    || !nonUserMemberId.equals(command.nonUserMemberId())) {
                throw DomainException.notFound("team member");
            }
            return;
        }
        FieldRules.required("nonUserMemberId", command.nonUserMemberId());
        if (!EraseTeamMemberCommand.erasureIdOf(command.organizationId(), command.nonUserMemberId())
                .equals(command.erasureId())) {
            throw DomainException.invalid("erasureId", "an erasure is keyed by its tenant and person");
        }
        if (command.actor() == null || !"admin".equals(command.actor().role())) {
            throw new DomainException(RefusalCode.FORBIDDEN, null, "only admins erase people");
        }
        apply(new TeamMemberErasedEvent(command.nonUserMemberId(), command.organizationId()));
    }

    @EventSourcingHandler
    void on(TeamMemberErasedEvent event) {
        erasureId = EraseTeamMemberCommand.erasureIdOf(event.organizationId(), event.nonUserMemberId());
        nonUserMemberId = event.nonUserMemberId();
        organizationId = event.organizationId();
    }
}
