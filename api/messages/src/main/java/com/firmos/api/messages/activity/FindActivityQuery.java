package com.firmos.api.messages.activity;

import java.util.UUID;

/** Answers with an {@link ActivityView}, or nothing when the activity is unknown to the tenant. */
public record FindActivityQuery(String organizationId, UUID activityId) {
}
