package com.firmos.api.messages.fasttrack;

import java.util.UUID;

public record TeamAssessment(
        UUID id,
        TeamAssessmentDetails details) {
}
