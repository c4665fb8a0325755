package com.firmos.rest.fasttrack;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.firmos.rest.security.CurrentUser;

/** One document per organization, user and tool, so its id follows from them. */
final class ToolDocumentIds {

    private ToolDocumentIds() {
    }

    static UUID of(CurrentUser user, String slug) {
        return UUID.nameUUIDFromBytes(("tool-document/" + user.organizationId() + "/" + user.userId() + "/" + slug)
                .getBytes(StandardCharsets.UTF_8));
    }
}
