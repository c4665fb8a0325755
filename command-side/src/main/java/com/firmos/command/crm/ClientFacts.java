package com.firmos.command.crm;

import java.util.Set;
import java.util.UUID;

/** What deals and interactions may know of their client: its stakeholders. */
public record ClientFacts(UUID clientId, Set<UUID> stakeholderIds) {
}
