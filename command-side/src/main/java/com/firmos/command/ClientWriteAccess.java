package com.firmos.command;

import java.util.UUID;

import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.RefusalCode;
import com.firmos.command.crm.ClientLookup;
import com.firmos.command.engagement.EngagementFacts;
import com.firmos.command.engagement.EngagementLookup;

/**
 * Whether the caller of a command may write on everything that belongs to a client: admins, portal contacts (the
 * portal binds them to their engagement) and system commands (no role in the metadata) may; consultants only on
 * clients assigned to them; any other role may not. Commands name their caller in the metadata
 * ({@link MetadataKeys#USER_ID}, {@link MetadataKeys#USER_ROLE}) rather than in every payload. Aggregates ask it
 * from a {@code @CommandHandlerInterceptor} for changes and from their creation handlers; Axon injects it as a
 * Spring bean. Only consultants cost lookups, so an admin's command loads nothing more.
 */
@Component
public class ClientWriteAccess {

    static final String ADMIN = "admin";
    static final String CONSULTANT = "consultant";
    static final String CLIENT = "client";

    private final ClientLookup clients;
    private final EngagementLookup engagements;

    public ClientWriteAccess(ClientLookup clients, EngagementLookup engagements) {
        this.clients = clients;
        this.engagements = engagements;
    }

    /** The caller as the metadata names it, or null for a command no user sent (a deadline, a saga's own). */
    public static Actor actorOf(MetaData metaData) {
        if (metaData == null || !(metaData.get(MetadataKeys.USER_ROLE) instanceof String role)) {
            return null;
        }
        Object userId = metaData.get(MetadataKeys.USER_ID);
        return new Actor(userId == null ? null : userId.toString(), role);
    }

    /** For a new record of the client (its id taken from the command): refused unless the caller may write. */
    public void requireForClient(UUID clientId, String organizationId, MetaData metaData) {
        Actor actor = actorOf(metaData);
        if (needsAssignment(actor)) {
            requireAssigned(clientId, organizationId, actor);
        }
    }

    /**
     * For new work in an engagement: the engagement must be the tenant's (else the lookup's 400), and the caller
     * may write on its client.
     */
    public void requireForEngagement(UUID engagementId, String organizationId, MetaData metaData) {
        Actor actor = actorOf(metaData);
        if (needsAssignment(actor)) {
            EngagementFacts engagement = engagements.require(engagementId, organizationId);
            requireAssigned(engagement.clientId(), organizationId, actor);
        }
    }

    /**
     * For a change of an existing aggregate of {@code ownerOrganizationId} that belongs to the client. A caller of
     * another tenant is let through: the handler then answers "not found", which says nothing about the id.
     */
    public void requireOnClient(UUID clientId, String ownerOrganizationId, MetaData metaData) {
        if (callerOf(ownerOrganizationId, metaData)) {
            requireForClient(clientId, ownerOrganizationId, metaData);
        }
    }

    /** As {@link #requireOnClient}, for an aggregate that belongs to an engagement. */
    public void requireOnEngagement(UUID engagementId, String ownerOrganizationId, MetaData metaData) {
        if (callerOf(ownerOrganizationId, metaData)) {
            requireForEngagement(engagementId, ownerOrganizationId, metaData);
        }
    }

    public static DomainException forbidden() {
        return new DomainException(RefusalCode.FORBIDDEN, null, "consultants change only clients assigned to them");
    }

    private static boolean callerOf(String ownerOrganizationId, MetaData metaData) {
        Object caller = metaData == null ? null : metaData.get(MetadataKeys.ORGANIZATION_ID);
        return ownerOrganizationId != null && (caller == null || ownerOrganizationId.equals(caller));
    }

    private static boolean needsAssignment(Actor actor) {
        if (actor == null || ADMIN.equals(actor.role()) || CLIENT.equals(actor.role())) {
            return false;
        }
        if (!CONSULTANT.equals(actor.role()) || actor.userId() == null) {
            throw forbidden();
        }
        return true;
    }

    private void requireAssigned(UUID clientId, String organizationId, Actor consultant) {
        if (clientId == null) {
            throw forbidden();
        }
        try {
            clients.requireWritable(clientId, organizationId, consultant);
        } catch (DomainException refused) {
            // No such client in the tenant: nobody is assigned to it, so it is the same refusal.
            throw refused.refusal().code() == RefusalCode.FORBIDDEN ? refused : forbidden();
        }
    }
}
