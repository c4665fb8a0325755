package com.firmos.command.fasttrack;

import java.util.UUID;

/** Answers whether a document of a tool belongs to a user; Axon injects it into handlers as a Spring bean. */
public interface ToolDocumentLookup {

    /** Refuses, naming {@code field}, unless the document is the user's, of the organization and of the tool. */
    void requireOwn(String field, UUID documentId, String organizationId, String userId, String toolSlug);
}
