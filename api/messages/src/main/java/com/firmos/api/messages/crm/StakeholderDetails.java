package com.firmos.api.messages.crm;

import java.util.Set;

/**
 * A stakeholder as it is written: name, email, phone and notes arrive sealed and stay sealed in events and read
 * tables.
 */
public record StakeholderDetails(
        Sealed name,
        String title,
        Set<MeddpiccRole> roles,
        EngagementLevel engagementLevel,
        Sealed email,
        Sealed phone,
        Sealed notes) {
}
