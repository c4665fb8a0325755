package com.firmos.api.messages.portal;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a client contact's access to an engagement's portal. */
public sealed interface PortalAccessEvent extends TenantScoped, EngagementScoped
        permits PortalAccessGrantedEvent, PortalAccessRevokedEvent, PortalLinkExchangedEvent, PortalLinkRotatedEvent,
        PortalContactErasedEvent {

    UUID accessId();
}
