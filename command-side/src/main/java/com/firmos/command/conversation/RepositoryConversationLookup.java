package com.firmos.command.conversation;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryConversationLookup implements ConversationLookup {

    private final Repository<Conversation> conversations;

    RepositoryConversationLookup(Repository<Conversation> conversations) {
        this.conversations = conversations;
    }

    @Override
    public ConversationFacts requireOpen(UUID conversationId, String organizationId) {
        FieldRules.required("conversationId", conversationId);
        try {
            return conversations.load(conversationId.toString()).invoke(it -> it.factsForNewMessage(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.notFound("conversation");
    }
}
