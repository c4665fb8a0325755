package com.firmos.api.messages.relation;

/** Each tenant has one relation graph, whose aggregate id is this prefix followed by the tenant. */
public final class RelationGraphs {

    public static final String ID_PREFIX = "relations:";

    private RelationGraphs() {
    }
}
