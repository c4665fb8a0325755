package com.firmos.api.messages;

import java.util.UUID;

/**
 * An event that names the engagement it concerns; the engagement read models handle one engagement's events in
 * order by it. Where all of an aggregate's events name it, its sealed event interface extends this one.
 */
public interface EngagementScoped {

    /** Null only where work may lie outside any engagement (a bill); such an event keeps its aggregate's order. */
    UUID engagementId();
}
