package com.firmos.rest.activity;

import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ScoreData;

/** A status move; {@code scoreData} (a level and labelled metrics) goes with a move to done. */
record ChangeStatusRequest(ActivityStatus status, String comment, ScoreData scoreData) {
}
