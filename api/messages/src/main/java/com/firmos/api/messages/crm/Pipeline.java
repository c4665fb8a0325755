package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.util.List;

public record Pipeline(
        List<PipelineStage> stages,
        int openDeals,
        BigDecimal totalValue,
        BigDecimal weightedValue) {
}
