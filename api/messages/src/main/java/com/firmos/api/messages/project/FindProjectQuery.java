package com.firmos.api.messages.project;

import java.util.UUID;

public record FindProjectQuery(
        String organizationId,
        UUID projectId) {
}
