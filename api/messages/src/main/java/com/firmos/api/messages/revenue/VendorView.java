package com.firmos.api.messages.revenue;

import java.util.UUID;

public record VendorView(
        UUID id,
        String name,
        String email) {
}
