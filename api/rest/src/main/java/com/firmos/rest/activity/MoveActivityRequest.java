package com.firmos.rest.activity;

import com.firmos.api.messages.activity.TimeBucket;

record MoveActivityRequest(TimeBucket timeBucket, Integer position) {
}
