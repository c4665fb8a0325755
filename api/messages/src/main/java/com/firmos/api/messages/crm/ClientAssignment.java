package com.firmos.api.messages.crm;

public record ClientAssignment(
        String userId,
        AssignmentRole role) {
}
