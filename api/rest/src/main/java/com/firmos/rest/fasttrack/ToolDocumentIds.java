package com.firmos.rest.fasttrack;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

/** One document per organization, user and tool, so its id and its path follow from them. */
final class ToolDocumentIds {

    private ToolDocumentIds() {
    }

    static UUID of(CurrentUser user, String slug) {
        return UUID.nameUUIDFromBytes(("tool-document/" + user.organizationId() + "/" + user.userId() + "/" + slug)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Where its owner reads it: a client contact under the portal, staff under the Workbench; never the raw URI. */
    static String path(CurrentUser user, String slug) {
        return (user.role() == Role.CLIENT ? "/api/v1/portal/fast-track" : "/api/v1/fast-track") + "/tools/" + slug
                + "/document";
    }
}
