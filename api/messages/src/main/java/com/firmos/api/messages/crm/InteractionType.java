package com.firmos.api.messages.crm;

/** A logged interaction with a client (the seeds' logged "activity"). */
public enum InteractionType {
    CALL,
    MEETING,
    EMAIL,
    NOTE,
    TASK_COMPLETED
}
