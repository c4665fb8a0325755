package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.util.List;

public record WinRate(
        int won,
        int lost,
        double winRate,
        BigDecimal wonValue,
        List<LossReasonCount> lossReasons) {
}
