package com.firmos.command.portal;

/** A portal access works until it is revoked; expiry and single use are judged per exchange. */
enum PortalAccessLifecycle {
    ACTIVE,
    REVOKED
}
