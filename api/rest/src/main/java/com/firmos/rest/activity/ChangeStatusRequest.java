package com.firmos.rest.activity;

import com.firmos.api.messages.activity.ActivityStatus;

record ChangeStatusRequest(ActivityStatus status, String comment) {
}
