package com.firmos.api.messages.portal;

/** The access a link's token hash belongs to, across tenants: the caller has no tenant until it is found. */
public record FindPortalLinkQuery(
        String tokenHash) {
}
