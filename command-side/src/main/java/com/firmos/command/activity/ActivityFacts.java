package com.firmos.command.activity;

import java.util.UUID;

/** What a comment may know of its activity. */
record ActivityFacts(UUID activityId, UUID engagementId, boolean dismissed) {

    /** A dismissed activity takes no more changes, and its comments none either. */
    void requireChangeable() {
        if (dismissed) {
            throw Activity.dismissedRefusal();
        }
    }
}
