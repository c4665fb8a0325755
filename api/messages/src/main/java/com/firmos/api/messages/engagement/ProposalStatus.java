package com.firmos.api.messages.engagement;

/** The lifecycle of a proposal. */
public enum ProposalStatus {
    DRAFT,
    SENT,
    VIEWED,
    ACCEPTED,
    REJECTED,
    EXPIRED
}
