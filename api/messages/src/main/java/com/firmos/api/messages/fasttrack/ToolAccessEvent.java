package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/** An event of a user's access to a fast-track tool. */
public sealed interface ToolAccessEvent extends TenantScoped
        permits ToolAccessGrantedEvent, ToolAccessRevokedEvent {

    UUID permissionId();
}
