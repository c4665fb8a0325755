package com.firmos.api.messages.crm;

public record LossReasonCount(
        String reason,
        int deals) {
}
