package com.firmos.api.messages.timeline;

import java.util.List;

/** A page of entries; {@code nextCursor} is {@code null} on the last page. */
public record TimelinePage(List<TimelineEntry> entries, String nextCursor) {
}
