package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillCancelledEvent(
        UUID billId,
        String organizationId,
        String reason) implements BillEvent {
}
