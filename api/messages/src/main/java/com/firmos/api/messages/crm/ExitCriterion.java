package com.firmos.api.messages.crm;

public record ExitCriterion(
        String criterion,
        boolean met) {
}
