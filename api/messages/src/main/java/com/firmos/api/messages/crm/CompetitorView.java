package com.firmos.api.messages.crm;

import java.util.UUID;

public record CompetitorView(
        UUID id,
        String name,
        String strengths,
        String weaknesses,
        String pricing) {
}
