package com.firmos.api.messages.project;

/** Tasks per project phase; a null phase counts the tasks without one. */
public record PhaseCount(
        ProjectPhase phase,
        int tasks) {
}
