package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An open deal in the pipeline; rotting when it has sat in its stage longer than the organisation allows. */
public record PipelineDeal(
        UUID id,
        UUID clientId,
        String name,
        DealType type,
        DealSource source,
        BigDecimal value,
        BigDecimal weightedValue,
        String ownerId,
        LocalDate expectedCloseDate,
        long daysInStage,
        boolean rotting) {
}
