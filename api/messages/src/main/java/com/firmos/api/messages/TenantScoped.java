package com.firmos.api.messages;

/** An event of one tenant: every event names the organization it belongs to. */
public interface TenantScoped {

    String organizationId();
}
