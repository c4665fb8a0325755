package com.firmos.api.messages.crm;

/** Where a deal came from. */
public enum DealSource {
    REFERRAL,
    INBOUND,
    OUTBOUND,
    EVENT,
    PARTNER
}
