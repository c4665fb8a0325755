package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ClientProfile(
        UUID id,
        String organizationId,
        String name,
        ClientStatus status,
        BigDecimal budget,
        LocalDate deadline,
        Map<MeddpiccField, String> meddpicc,
        List<ClientAssignment> assignments,
        Instant createdAt,
        long version) {
}
