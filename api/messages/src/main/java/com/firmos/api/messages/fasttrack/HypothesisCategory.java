package com.firmos.api.messages.fasttrack;

/** What a value-proposition hypothesis is about. */
public enum HypothesisCategory {
    GAIN,
    PAIN,
    JOBS
}
