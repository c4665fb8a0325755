package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.crm.Sealed;

/** Adds a counterparty the firm pays; independent of clients. Its contact's email and phone arrive sealed. */
public record RegisterVendorCommand(
        @TargetAggregateIdentifier UUID vendorId,
        String organizationId,
        String name,
        Sealed email,
        Sealed phone) {
}
