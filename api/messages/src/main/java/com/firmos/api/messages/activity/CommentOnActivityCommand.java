package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CommentOnActivityCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        UUID commentId,
        String authorId,
        String text) {
}
