package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillApprovedEvent(
        UUID billId,
        String organizationId) implements BillEvent {
}
