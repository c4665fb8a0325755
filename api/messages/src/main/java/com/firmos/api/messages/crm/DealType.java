package com.firmos.api.messages.crm;

/** What kind of business a deal is. */
public enum DealType {
    NEW,
    RENEWAL,
    EXPANSION
}
