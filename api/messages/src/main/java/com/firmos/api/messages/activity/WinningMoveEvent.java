package com.firmos.api.messages.activity;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a winning move of an engagement. */
public sealed interface WinningMoveEvent extends TenantScoped, EngagementScoped
        permits WinningMoveCreatedEvent, WinningMoveEditedEvent, WinningMoveStatusChangedEvent {

    UUID winningMoveId();
}
