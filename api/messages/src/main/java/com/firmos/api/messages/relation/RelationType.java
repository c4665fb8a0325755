package com.firmos.api.messages.relation;

/** How two entities relate; a relation may also be untyped (null), a plain link. */
public enum RelationType {
    RELATES_TO,
    BLOCKS,
    ENABLES,
    DEPENDS_ON,
    INFORMS
}
