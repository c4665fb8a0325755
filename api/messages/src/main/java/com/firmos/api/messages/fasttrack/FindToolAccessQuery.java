package com.firmos.api.messages.fasttrack;

/** The permissions of the organization, of one user when {@code userId} is given. */
public record FindToolAccessQuery(
        String organizationId,
        String userId) {
}
