package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A portal session began through the link; the access's last access time. */
@Revision("1")
public record PortalLinkExchangedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId,
        Instant at) implements PortalAccessEvent {
}
