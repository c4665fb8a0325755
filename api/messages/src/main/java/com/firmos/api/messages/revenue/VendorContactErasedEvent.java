package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The audit trail's record of an erasure: it names the vendor by id only; its contact's key is deleted after it. */
@Revision("1")
public record VendorContactErasedEvent(
        UUID vendorId,
        String organizationId) implements VendorEvent {
}
