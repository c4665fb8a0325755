package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Erases a vendor's contact: its email and phone in every event become unreadable; the vendor and bills stay. */
public record EraseVendorContactCommand(
        @TargetAggregateIdentifier UUID vendorId,
        String organizationId,
        Actor actor) {
}
