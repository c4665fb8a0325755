package com.firmos.api.messages.crm;

/** Pipeline stages, each with the win probability (in percent) the pipeline and its forecast weigh deals by. */
public enum DealStage {
    LEAD(10),
    QUALIFIED(25),
    DISCOVERY(40),
    PROPOSAL(60),
    NEGOTIATION(80),
    CLOSED_WON(100),
    CLOSED_LOST(0);

    private final int probability;

    DealStage(int probability) {
        this.probability = probability;
    }

    public int probability() {
        return probability;
    }
}
