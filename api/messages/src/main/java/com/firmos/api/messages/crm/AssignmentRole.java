package com.firmos.api.messages.crm;

/** How a user is assigned to a client. */
public enum AssignmentRole {
    LEAD,
    MEMBER
}
