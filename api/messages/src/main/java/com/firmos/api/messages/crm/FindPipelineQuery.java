package com.firmos.api.messages.crm;

import java.time.LocalDate;
import java.util.UUID;

/** The open pipeline by stage; every filter is optional. */
public record FindPipelineQuery(
        String organizationId,
        String ownerId,
        UUID clientId,
        DealType type,
        DealSource source,
        LocalDate closeFrom,
        LocalDate closeTo) {
}
