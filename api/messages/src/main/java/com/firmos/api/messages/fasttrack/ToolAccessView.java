package com.firmos.api.messages.fasttrack;

import java.time.Instant;

public record ToolAccessView(
        String userId,
        String toolSlug,
        ToolAccessLevel level,
        Instant grantedAt,
        Instant expiresAt,
        String grantedBy) {
}
