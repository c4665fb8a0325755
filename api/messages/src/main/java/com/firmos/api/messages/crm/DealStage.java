package com.firmos.api.messages.crm;

/** Pipeline stages; the probability follows the stage (10, 25, 40, 60, 80, 100, 0). */
public enum DealStage {
    LEAD,
    QUALIFIED,
    DISCOVERY,
    PROPOSAL,
    NEGOTIATION,
    CLOSED_WON,
    CLOSED_LOST
}
