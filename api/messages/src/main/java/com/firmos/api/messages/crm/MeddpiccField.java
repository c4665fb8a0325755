package com.firmos.api.messages.crm;

/** The six MEDDPICC text fields of a client. */
public enum MeddpiccField {
    METRICS,
    DECISION_CRITERIA,
    DECISION_PROCESS,
    PAPER_PROCESS,
    IDENTIFIED_PAIN,
    COMPETITION
}
