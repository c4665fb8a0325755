package com.firmos.command.crm;

import java.util.UUID;

import com.firmos.api.messages.Actor;

/** Answers whether an actor may write to a client's records; Axon injects it into handlers as a Spring bean. */
public interface ClientLookup {

    /** The client, or a refusal: no such client in the tenant (400), or one the actor may not change (403). */
    ClientFacts requireWritable(UUID clientId, String organizationId, Actor actor);
}
