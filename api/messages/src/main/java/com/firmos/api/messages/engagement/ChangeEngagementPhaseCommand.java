package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import com.firmos.api.messages.activity.PlaybookPhase;

/** Advances the playbook phase one step, or takes it back to an earlier phase with a reason. */
public record ChangeEngagementPhaseCommand(
        @TargetAggregateIdentifier UUID engagementId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        PlaybookPhase phase,
        String reason) {
}
