package com.firmos.command.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;

@Component
class RepositoryToolDocumentLookup implements ToolDocumentLookup {

    private final Repository<ToolDocument> documents;

    RepositoryToolDocumentLookup(Repository<ToolDocument> documents) {
        this.documents = documents;
    }

    @Override
    public void requireOwn(String field, UUID documentId, String organizationId, String userId, String toolSlug) {
        boolean own;
        try {
            own = documents.load(documentId.toString()).invoke(it -> it.isOwnedBy(organizationId, userId, toolSlug));
        } catch (AggregateNotFoundException missing) {
            own = false;
        }
        if (!own) {
            throw DomainException.invalid(field, field + " names no " + toolSlug + " document of yours");
        }
    }
}
