package com.firmos.api.messages.activity;

/** The playbook phases an engagement and its activities move through. */
public enum PlaybookPhase {
    ALIGN,
    ACTIVATE,
    ADOPT
}
