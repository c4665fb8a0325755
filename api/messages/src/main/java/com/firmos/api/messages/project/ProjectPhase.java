package com.firmos.api.messages.project;

/** The phases a project moves through, in order. */
public enum ProjectPhase {
    KICKOFF,
    SETUP,
    BUILD,
    TESTING,
    DEPLOYMENT,
    HANDOFF
}
