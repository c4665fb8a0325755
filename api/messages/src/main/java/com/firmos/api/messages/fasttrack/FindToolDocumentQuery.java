package com.firmos.api.messages.fasttrack;

/** The user's document of a tool; answers nothing when the user has not started it. */
public record FindToolDocumentQuery(
        String organizationId,
        String userId,
        String toolSlug) {
}
