package com.firmos.api.messages.crm;

import java.time.LocalDate;

public record HealthPoint(
        LocalDate day,
        int score) {
}
