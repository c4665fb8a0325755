package com.firmos.command.revenue;

import java.util.UUID;

/** Answers whether a vendor belongs to the tenant; Axon injects it into handlers as a Spring bean. */
public interface VendorLookup {

    void requireKnown(UUID vendorId, String organizationId);
}
