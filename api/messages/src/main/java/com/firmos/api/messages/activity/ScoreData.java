package com.firmos.api.messages.activity;

import java.util.List;

/** The result recorded when an activity is done: a level and labelled metrics. */
public record ScoreData(
        String level,
        List<ScoreMetric> metrics) {
}
