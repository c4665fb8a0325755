package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a counterparty the firm pays; independent of clients. */
public record RegisterVendorCommand(
        @TargetAggregateIdentifier UUID vendorId,
        String organizationId,
        String name,
        String email) {
}
