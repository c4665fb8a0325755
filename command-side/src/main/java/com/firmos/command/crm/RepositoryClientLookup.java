package com.firmos.command.crm;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.Actor;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryClientLookup implements ClientLookup {

    private final Repository<Client> clients;

    RepositoryClientLookup(Repository<Client> clients) {
        this.clients = clients;
    }

    @Override
    public ClientFacts requireWritable(UUID clientId, String organizationId, Actor actor) {
        FieldRules.required("clientId", clientId);
        try {
            return clients.load(clientId.toString()).invoke(it -> it.factsForWriter(organizationId, actor));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.invalid("clientId", "clientId names no client of your organization");
    }
}
