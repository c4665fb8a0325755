package com.firmos.api.messages.crm;

/** Where a client company stands with the firm. */
public enum ClientStatus {
    PROSPECT,
    ACTIVE,
    CHURNED
}
