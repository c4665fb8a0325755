package com.firmos.api.messages.crm;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A stakeholder as stored: personal data stays sealed until an authorised reader unseals it; an erased one keeps
 * only its id, roles and level.
 */
public record StakeholderView(
        UUID id,
        UUID clientId,
        Sealed name,
        String title,
        Set<MeddpiccRole> roles,
        EngagementLevel engagementLevel,
        Sealed email,
        Sealed phone,
        Sealed notes,
        Instant lastContactAt,
        Instant erasedAt) {
}
