package com.firmos.api.messages.activity;

/** The planning horizon an activity sits in; the board shows them in this order. */
public enum TimeBucket {
    THIS_QUARTER,
    NEXT_QUARTER,
    LATER
}
