package com.firmos.api.messages.project;

import java.util.UUID;

public record FindTaskQuery(
        String organizationId,
        UUID taskId) {
}
