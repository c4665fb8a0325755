package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record DealView(
        UUID id,
        UUID clientId,
        String name,
        DealType type,
        DealSource source,
        BigDecimal value,
        DealStage stage,
        int probability,
        long daysInStage,
        boolean rotting,
        LocalDate expectedCloseDate,
        LocalDate actualCloseDate,
        String lossReason,
        String ownerId,
        UUID engagementId,
        List<DealCompetitor> competitors,
        List<StageExitReport> stageReports,
        long version) {
}
