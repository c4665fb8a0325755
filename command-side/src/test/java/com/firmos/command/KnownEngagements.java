package com.firmos.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.command.engagement.EngagementFacts;
import com.firmos.command.engagement.EngagementLookup;

/**
 * The engagements a fixture test knows, with the same answers as the real lookup gives for a missing, foreign or
 * closed engagement. The real lookup reads the Engagement aggregate and is tested over HTTP.
 */
public final class KnownEngagements implements EngagementLookup {

    private final Map<UUID, Entry> engagements = new HashMap<>();
    private final Set<UUID> closed = new HashSet<>();

    public KnownEngagements open(UUID engagementId, String organizationId, PlaybookPhase phase) {
        return open(engagementId, organizationId, phase, clientOf(engagementId));
    }

    /** An open engagement of the given client, for work that must stay with the engagement's client. */
    public KnownEngagements open(UUID engagementId, String organizationId, PlaybookPhase phase, UUID clientId) {
        engagements.put(engagementId, new Entry(organizationId, phase, clientId));
        return this;
    }

    public KnownEngagements closed(UUID engagementId, String organizationId) {
        open(engagementId, organizationId, PlaybookPhase.ALIGN);
        closed.add(engagementId);
        return this;
    }

    @Override
    public EngagementFacts requireOpen(UUID engagementId, String organizationId) {
        FieldRules.required("engagementId", engagementId);
        Entry entry = engagements.get(engagementId);
        if (entry == null || !entry.organizationId().equals(organizationId)) {
            throw DomainException.invalid("engagementId", "engagementId names no engagement of your organization");
        }
        if (closed.contains(engagementId)) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "engagementId", "the engagement is closed");
        }
        return new EngagementFacts(engagementId, entry.phase(), entry.clientId());
    }

    @Override
    public EngagementFacts require(UUID engagementId, String organizationId) {
        FieldRules.required("engagementId", engagementId);
        Entry entry = engagements.get(engagementId);
        if (entry == null || !entry.organizationId().equals(organizationId)) {
            throw DomainException.invalid("engagementId", "engagementId names no engagement of your organization");
        }
        return new EngagementFacts(engagementId, entry.phase(), entry.clientId());
    }

    private record Entry(String organizationId, PlaybookPhase phase, UUID clientId) {
    }

    /** The client every known engagement belongs to, derived so tests can name it. */
    public static UUID clientOf(UUID engagementId) {
        return UUID.nameUUIDFromBytes(("client:" + engagementId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
