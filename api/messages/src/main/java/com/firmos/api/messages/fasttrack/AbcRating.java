package com.firmos.api.messages.fasttrack;

/** The ABC rating of a team member in a FIT & ABC analysis. */
public enum AbcRating {
    A,
    B,
    C
}
