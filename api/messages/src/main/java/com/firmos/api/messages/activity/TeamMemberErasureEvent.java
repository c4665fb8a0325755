package com.firmos.api.messages.activity;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/**
 * An event of the erasure of a person without an account, which spans every engagement whose teams they
 * were on; the erasure is keyed by tenant and person, so its events name the person.
 */
public sealed interface TeamMemberErasureEvent extends TenantScoped
        permits TeamMemberErasedEvent {

    UUID nonUserMemberId();
}
