package com.firmos.api.messages.fasttrack;

/** Every saved version of the user's document of a tool, oldest first; version 0 is the empty start. */
public record FindToolDocumentVersionsQuery(
        String organizationId,
        String userId,
        String toolSlug) {
}
