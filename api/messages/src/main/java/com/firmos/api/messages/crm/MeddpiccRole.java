package com.firmos.api.messages.crm;

/** The MEDDPICC roles a stakeholder can play; several at once. */
public enum MeddpiccRole {
    CHAMPION,
    ECONOMIC_BUYER,
    TECHNICAL_EVALUATOR,
    COACH,
    BLOCKER,
    USER
}
