package com.firmos.api.messages.activity;

/** The lifecycle of a winning move. */
public enum WinningMoveStatus {
    ACTIVE,
    ACHIEVED,
    ARCHIVED
}
