package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.crm.Sealed;

/**
 * A vendor and its contact: email and phone sealed under the vendor's own key (revision 2; revision 1 carried the
 * email in clear, which the upcaster reads as a {@code plain:} value until the contact is erased).
 */
@Revision("2")
public record VendorRegisteredEvent(
        UUID vendorId,
        String organizationId,
        String name,
        Sealed email,
        Sealed phone) implements VendorEvent {
}
