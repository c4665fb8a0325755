package com.firmos.command.conversation;

import java.util.UUID;

/** Answers whether a conversation takes messages; Axon injects it into handler methods as a Spring bean. */
public interface ConversationLookup {

    /** The conversation, or a refusal: no such conversation in the tenant, or a closed one. */
    ConversationFacts requireOpen(UUID conversationId, String organizationId);
}
