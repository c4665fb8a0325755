package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.util.List;

public record PipelineStage(
        DealStage stage,
        int probability,
        int count,
        BigDecimal totalValue,
        BigDecimal weightedValue,
        List<PipelineDeal> deals) {
}
