package com.firmos.api.messages.activity;

import java.util.List;
import java.util.UUID;

public record ActivityComments(
        UUID activityId,
        List<ActivityComment> comments) {
}
