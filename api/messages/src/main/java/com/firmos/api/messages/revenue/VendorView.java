package com.firmos.api.messages.revenue;

import java.time.Instant;
import java.util.UUID;

import com.firmos.api.messages.crm.Sealed;

/** A vendor as stored: its contact's email and phone sealed until an authorised reader unseals them. */
public record VendorView(
        UUID id,
        String name,
        Sealed email,
        Sealed phone,
        Instant contactErasedAt) {
}
