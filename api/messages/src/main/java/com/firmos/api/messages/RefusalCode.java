package com.firmos.api.messages;

/** Why a command was refused; the REST layer maps each code to one HTTP status. */
public enum RefusalCode {
    /** The target does not exist in the caller's tenant. */
    NOT_FOUND,
    /** A field breaks a rule: required, too long, out of range, inconsistent with another field. */
    INVALID_VALUE,
    /** The aggregate's lifecycle does not allow the requested move from its current state. */
    INVALID_TRANSITION,
    /** The identifier is already taken by an entity with different content. */
    ALREADY_EXISTS,
    /** The change would contradict other data: a duplicate pair, a dependency cycle. */
    CONFLICT,
    /** The caller may not make this change, such as editing another author's comment. */
    FORBIDDEN
}
