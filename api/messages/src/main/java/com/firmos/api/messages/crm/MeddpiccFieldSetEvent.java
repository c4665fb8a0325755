package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MeddpiccFieldSetEvent(
        UUID clientId,
        String organizationId,
        MeddpiccField field,
        String oldValue,
        String value) implements ClientEvent {
}
