package com.firmos.api.messages;

/**
 * Keys of the metadata every command and event carries. The REST layer writes them from the caller's token
 * and request; Axon copies them from each command onto the events it causes, so projections and audits can
 * read who did what, for which tenant and from where, without the payloads repeating it.
 */
public final class MetadataKeys {

    public static final String ORGANIZATION_ID = "organizationId";
    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    /** The caller's role, lower case ({@code admin}, {@code consultant}, ...); absent on system commands. */
    public static final String USER_ROLE = "userRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";

    private MetadataKeys() {
    }
}
