package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillPaidEvent(
        UUID billId,
        String organizationId,
        LocalDate paidOn) implements BillEvent {
}
