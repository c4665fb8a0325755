package com.firmos.api.messages.fasttrack;

/** What changed in the user's document of a tool between two of its versions. */
public record FindToolDocumentDiffQuery(
        String organizationId,
        String userId,
        String toolSlug,
        long fromVersion,
        long toVersion) {
}
