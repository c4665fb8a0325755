package com.firmos.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.command.crm.ClientFacts;
import com.firmos.command.crm.ClientLookup;
import com.firmos.command.engagement.EngagementLookup;

/**
 * The clients a fixture test knows and the consultants assigned to each, answering as the Client aggregate does:
 * an unknown client is a 400, an admin writes any client, a consultant only an assigned one.
 */
public final class KnownClients implements ClientLookup {

    private final Map<UUID, Entry> clients = new HashMap<>();

    public KnownClients assigned(UUID clientId, String organizationId, String consultantId) {
        clients.computeIfAbsent(clientId, id -> new Entry(organizationId, new HashSet<>())).consultants()
                .add(consultantId);
        return this;
    }

    /** Write access over these clients and the given engagements. */
    public ClientWriteAccess writeAccess(EngagementLookup engagements) {
        return new ClientWriteAccess(this, engagements);
    }

    /** Write access where {@link Caller#ASSIGNED} is assigned to the client of the (open) engagement. */
    public static ClientWriteAccess assignedToEngagement(String organizationId, UUID engagementId) {
        return new KnownClients().assigned(KnownEngagements.clientOf(engagementId), organizationId, Caller.ASSIGNED)
                .writeAccess(new KnownEngagements().open(engagementId, organizationId, PlaybookPhase.ALIGN));
    }

    /** Write access where {@link Caller#ASSIGNED} is assigned to the client. */
    public static ClientWriteAccess assignedToClient(String organizationId, UUID clientId) {
        return new KnownClients().assigned(clientId, organizationId, Caller.ASSIGNED)
                .writeAccess(new KnownEngagements());
    }

    /** For fixtures whose commands carry no role: the access check then asks nothing. */
    public static ClientWriteAccess unchecked() {
        return new ClientWriteAccess(new KnownClients(), new KnownEngagements());
    }

    @Override
    public ClientFacts requireWritable(UUID clientId, String organizationId, Actor actor) {
        Entry entry = clients.get(clientId);
        if (entry == null || !entry.organizationId().equals(organizationId)) {
            throw DomainException.invalid("clientId", "clientId names no client of your organization");
        }
        boolean assigned = "consultant".equals(actor.role()) && entry.consultants().contains(actor.userId());
        if (!"admin".equals(actor.role()) && !assigned) {
            throw new DomainException(RefusalCode.FORBIDDEN, null, "consultants change only clients assigned to them");
        }
        return new ClientFacts(clientId, Set.of());
    }

    private record Entry(String organizationId, Set<String> consultants) {
    }
}
