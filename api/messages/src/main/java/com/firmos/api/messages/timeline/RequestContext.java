package com.firmos.api.messages.timeline;

/** Where a change came from, read from the event's metadata. */
public record RequestContext(String clientIp, String userAgent, String correlationId) {
}
