package com.firmos.api.messages.crm;

/** A logged interaction with a client; named so that it never clashes with a Living Playbook activity. */
public enum InteractionType {
    CALL,
    MEETING,
    EMAIL,
    NOTE,
    TASK_COMPLETED
}
