package com.firmos.api.messages.engagement;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of an engagement. */
public sealed interface EngagementEvent extends TenantScoped, EngagementScoped
        permits EngagementOpenedEvent, EngagementRenamedEvent, EngagementPhaseChangedEvent, EngagementPausedEvent,
        EngagementResumedEvent, EngagementFundedEvent, EngagementClosedEvent {

    /** The aggregate's id, and so the engagement its events are scoped to. */
    @Override
    UUID engagementId();
}
