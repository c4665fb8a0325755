package com.firmos.api.messages.relation;

import com.firmos.api.messages.TenantScoped;

/** An event of a tenant's graph of relations between its entities. */
public sealed interface RelationGraphEvent extends TenantScoped
        permits RelationAddedEvent, RelationRemovedEvent {

    String relationGraphId();
}
