package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.EngagementScoped;

/**
 * Revision 2 names the vendor's own number {@code vendorReference} (revision 1 called it {@code reference}, which
 * readers took for ours) and states the currency; stored revision-1 events are upcast by the migrations module.
 */
@Revision("2")
public record BillRecordedEvent(
        UUID billId,
        String organizationId,
        UUID vendorId,
        UUID engagementId,
        String vendorReference,
        BigDecimal amount,
        String currency,
        LocalDate dueDate,
        String description) implements BillEvent, EngagementScoped {
}
